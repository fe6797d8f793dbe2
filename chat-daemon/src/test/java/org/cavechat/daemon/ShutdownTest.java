package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.SHUTDOWN;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Original defects 7 and 10, the end of the server: Ctrl-C did not stop the original while clients were
 * connected, and it had no graceful shutdown. Here {@link ChatServer#close()} (what SIGTERM and SIGINT run)
 * returns with members connected, and every connection gets the shutdown notice in its framing, then end of
 * stream.
 */
class ShutdownTest {

    @Test
    void closeSendsTheShutdownNoticeAndEndOfStreamToEveryConnection() {
        try (RunningServer cave = RunningServer.start()) {
            WireClient legacy = cave.joinLegacy("alice");
            WireClient line = cave.joinLine("bob");
            legacy.expect(joined("bob"));
            WireClient unnamed = cave.greeted();

            cave.stopServer();

            legacy.expect(SHUTDOWN).expectEof();
            line.expect(SHUTDOWN + "\n").expectEof();
            unnamed.expect(SHUTDOWN).expectEof();
            assertEquals(3, cave.stats().leaves(DisconnectReason.SHUTDOWN));
            assertEquals(0, cave.stats().connectionsOpen());
        }
    }

    @Test
    void closeDeliversEverythingQueuedBeforeTheNotice() {
        try (RunningServer cave = RunningServer.start()) {
            WireClient alice = cave.joinLine("alice");
            WireClient bob = cave.joinLine("bob");
            alice.expect(joined("bob") + "\n");
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                burst.append(i).append('\n');
            }
            alice.send(burst.toString());
            alice.expect(message("alice", "0") + "\n");

            cave.stopServer();

            for (int i = 1; i < 100; i++) {
                alice.expect(message("alice", String.valueOf(i)) + "\n");
            }
            alice.expect(SHUTDOWN + "\n").expectEof();
            for (int i = 0; i < 100; i++) {
                bob.expect(message("alice", String.valueOf(i)) + "\n");
            }
            bob.expect(SHUTDOWN + "\n").expectEof();
        }
    }

    @Test
    void closeReturnsAfterTheGraceEvenWhenAMemberNeverReadsWhatIsQueuedForIt() {
        try (RunningServer cave = RunningServer.start(c -> c.shutdownGrace(Duration.ofMillis(200)))) {
            WireClient stuck = cave.connectWithReceiveBuffer(4096);
            stuck.expect(GREETING).send("stuck\n").expect(Notices.welcome("stuck") + "\n");
            WireClient talker = cave.joinLine("talker");
            // Talk until the kernel's buffers towards the stuck member are full and output waits in its outbox
            // (the talker reads its own echo each time, so its outbox is empty); 1000 lines of 4 KB bound it.
            String big = "y".repeat(4000);
            for (int i = 0; i < 1000 && cave.stats().outboxBytesPending() == 0; i++) {
                talker.send(big + "\n").expect(message("talker", big) + "\n");
            }
            assertTrue(cave.stats().outboxBytesPending() > 0, "output should be waiting for the stuck member");

            cave.stopServer();

            talker.expect(SHUTDOWN + "\n").expectEof();
            assertEquals(2, cave.stats().leaves(DisconnectReason.SHUTDOWN));
            assertEquals(0, cave.stats().connectionsOpen());
        }
    }

    @Test
    void afterCloseThePortAcceptsNoConnections() {
        int port;
        try (RunningServer cave = RunningServer.start()) {
            port = cave.port();
            cave.stopServer();
        }
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            }
        });
    }

    @Test
    void closeCalledTwiceDoesNothingTheSecondTime() {
        try (RunningServer cave = RunningServer.start()) {
            cave.joinLegacy("alice");
            cave.server().close();
            cave.server().close();
            assertEquals(1, cave.stats().leaves(DisconnectReason.SHUTDOWN));
        }
    }
}
