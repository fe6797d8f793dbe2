package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.QUIT;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Original defect 7, the listening socket: backlog 5, and no SO_REUSEADDR, so a restart failed with "Address
 * already in use" while the old connections sat in TIME_WAIT. Here the defaults are those of protocol.md, a
 * server restarted on the port of one that just closed its members' connections starts at once, and accepted
 * connections have TCP keepalive (TCP_NODELAY cannot be observed from outside without timing, so it is not
 * tested here).
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
        try (RunningServer second = RunningServer.start(c -> c.port(port))) {
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

    @Test
    void acceptedConnectionsHaveTcpKeepaliveSoAPeerThatVanishedIsEventuallyNoticed() {
        assertTrue(Files.isReadable(Path.of("/proc/net/tcp")), "this test needs Linux's /proc/net/tcp");
        try (RunningServer cave = RunningServer.start()) {
            WireClient alice = cave.joinLegacy("alice");
            int clientPort = alice.socket().getLocalPort();
            // The kernel's timer column for the server's end of this connection reads 02 while a keepalive timer
            // is armed; without SO_KEEPALIVE an idle connection has no timer (00). A retransmission timer (01)
            // may show briefly until the welcome is acknowledged.
            Deadline.await("keepalive timer on the server's socket",
                    () -> "02".equals(timerOfServerSocket(cave.port(), clientPort)),
                    () -> timerOfServerSocket(cave.port(), clientPort));
        }
    }

    /** The "tr" column of /proc/net/tcp or tcp6 for the established socket from local {@code port} to {@code peer}. */
    private static String timerOfServerSocket(int port, int peer) {
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String row : Files.readAllLines(Path.of(table))) {
                    String[] f = row.trim().split("\\s+");
                    if (f.length > 5 && f[1].endsWith(String.format(":%04X", port))
                            && f[2].endsWith(String.format(":%04X", peer)) && f[3].equals("01")) {
                        return f[5].substring(0, 2);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "no such socket";
    }
}
