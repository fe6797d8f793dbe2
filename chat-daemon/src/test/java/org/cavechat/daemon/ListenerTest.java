package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.QUIT;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Original defect 7, the listening socket: backlog 5, and no SO_REUSEADDR, so a restart failed with "Address
 * already in use" while the old connections sat in TIME_WAIT. Here the defaults are those of protocol.md, and a
 * server restarted on the port of one that just closed its members' connections starts at once.
 */
class ListenerTest {

    @Test
    void defaultsAreThoseOfTheProtocolDocument() {
        DaemonConfig defaults = DaemonConfig.defaults();
        assertEquals(33000, defaults.port());
        assertEquals("0.0.0.0", defaults.bindAddress().getHostAddress());
        assertEquals(1024, defaults.backlog());
        assertEquals(16384, defaults.maxConnections());
        assertEquals(1048576, defaults.outboxBytes());
        assertEquals(4096, defaults.maxLineBytes());
        assertEquals(Duration.ofSeconds(300), defaults.nameTimeout());
        assertEquals(Duration.ofSeconds(5), defaults.shutdownGrace());
        assertEquals(Greeting.REPOSITORY, defaults.greeting());
        assertEquals(FramingPolicy.AUTO, defaults.framing());
    }

    @Test
    void aRestartOnTheSamePortSucceedsWhileTheOldConnectionsAreInTimeWait() {
        int port;
        try (RunningServer first = RunningServer.start()) {
            port = first.port();
            // The server closes these connections first (a quit, then shutdown), so their TIME_WAIT is on its side.
            first.joinLegacy("alice").send(QUIT).expect(QUIT).expectEof();
            WireClient bob = first.joinLine("bob");
            first.stopServer();
            bob.expect(Notices.SHUTDOWN + "\n").expectEof();
        }
        try (RunningServer second = RunningServer.start(c -> c.withPort(port))) {
            assertEquals(port, second.port());
            second.joinLegacy("carol").send("back").expect(message("carol", "back"));
        }
    }

    @Test
    void theServerListensOnlyOnTheConfiguredAddressAndReportsIt() {
        try (RunningServer cave = RunningServer.start()) {
            assertEquals(InetAddress.getLoopbackAddress(), cave.server().localAddress().getAddress());
            assertTrue(cave.port() > 0);
            cave.connect().expect(GREETING);
        }
    }
}
