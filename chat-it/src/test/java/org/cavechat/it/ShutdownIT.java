package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker stop} (SIGTERM) is a graceful shutdown: every connection, named or not and in either framing,
 * receives the shutdown notice and then the end of stream; the daemon exits with the documented status 143
 * well within the stop timeout (not killed); and a new daemon can take the same host port at once.
 */
@DaemonInDocker
class ShutdownIT {
    /** docker stop's default: after it, SIGKILL, and the status would be 137. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final long SIGTERM_STATUS = 143;

    private CaveChatContainer first;
    private CaveChatContainer second;

    @AfterEach
    void removeTheContainers() {
        for (CaveChatContainer daemon : new CaveChatContainer[] {first, second}) {
            if (daemon != null) {
                daemon.stop();
            }
        }
    }

    @Test
    void stoppingTheContainerSaysGoodbyeToEveryoneExitsWith143AndFreesThePort() throws IOException {
        int hostPort = freeHostPort();
        first = new CaveChatContainer().onHostPort(hostPort);
        first.start();
        InetSocketAddress server = first.chatAddress();
        try (Peer alice = Peer.legacyMember(server, "alice");
                Peer bob = Peer.lineMember(server, "bob");
                Peer carol = Peer.legacyMember(server, "carol");
                Peer stranger = Peer.connect(server)) {
            stranger.expect(ServerText.GREETING);
            alice.expect(ServerText.joined("bob"));
            alice.expect(ServerText.joined("carol"));
            bob.expectLine(ServerText.joined("carol"));

            long started = System.nanoTime();
            long status = first.stopGracefully(STOP_TIMEOUT);
            System.out.printf("docker stop took %d ms with 4 connections%n", (System.nanoTime() - started) / 1_000_000);

            for (Peer legacy : List.of(alice, carol, stranger)) {
                legacy.expect(ServerText.SHUTTING_DOWN);
                legacy.expectEnd();
            }
            bob.expectLine(ServerText.SHUTTING_DOWN);
            bob.expectEnd();
            assertEquals(SIGTERM_STATUS, status, "exit status after docker stop (137 would mean it was killed)");
        }
        assertTrue(first.log().contains("READY listening on "), "the daemon announced itself");

        second = new CaveChatContainer().onHostPort(hostPort);
        second.start();
        assertEquals(hostPort, second.chatAddress().getPort());
        try (Peer dave = Peer.lineMember(second.chatAddress(), "dave")) {
            dave.sendLine("back again");
            dave.expectLine(ServerText.message("dave", "back again"));
        }
    }

    @Test
    void stoppingAnEmptyDaemonExitsWith143() {
        first = new CaveChatContainer();
        first.start();
        assertEquals(SIGTERM_STATUS, first.stopGracefully(STOP_TIMEOUT));
    }

    /** A port no one on the host listens on right now (the container's published port takes it next). */
    private static int freeHostPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
