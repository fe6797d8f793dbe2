package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon out of file descriptors keeps serving. It runs as a child process under a limit of
 * {@link #DESCRIPTORS} open files (a JVM cannot lower its own); the test opens connections until one is answered
 * with item 9 instead of the greeting, then checks that the next ones are answered the same way (none waits
 * silently in the kernel's queue), that a member who was already in the room can still talk, that a
 * descriptor given back lets the next client in, and that the log has one line about it all, not one per
 * client turned away.
 */
class DescriptorExhaustionTest {
    /** A JVM needs about a dozen for itself; the rest are for the connections this test opens. */
    private static final int DESCRIPTORS = 64;
    private static final int TURNED_AWAY_AFTER_THE_FIRST = 5;

    @TempDir
    Path scratch;

    @Test
    void aDaemonOutOfDescriptorsTellsNewcomersTheCaveIsFullAndKeepsServingItsMembers() {
        assertTimeoutPreemptively(DaemonProcess.BOUND, () -> {
            try (DaemonProcess daemon = DaemonProcess.startWithDescriptorLimit(DESCRIPTORS, scratch, Map.of(),
                    "--bind=127.0.0.1", "--port=0", "--framing=line", "--log-format=plain")) {
                int port = daemon.readyPort();
                List<WireClient> clients = new ArrayList<>();
                try {
                    WireClient alice = join(port, "alice", clients);
                    WireClient bob = join(port, "bob", clients);
                    alice.expect(Notices.joined("bob") + "\n");
                    fillEveryDescriptor(port, DESCRIPTORS, clients);
                    for (int i = 0; i < TURNED_AWAY_AFTER_THE_FIRST; i++) {
                        try (WireClient turnedAway = WireClient.connect(port)) {
                            turnedAway.expect(Notices.FULL + "\n").expectEof();
                        }
                    }

                    alice.send("still here\n").expect(Notices.message("alice", "still here") + "\n");
                    bob.expect(Notices.message("alice", "still here") + "\n").close();
                    alice.expect(Notices.left("bob") + "\n");
                    join(port, "carol", clients);
                    alice.expect(Notices.joined("carol") + "\n");

                    daemon.signal("TERM");
                    assertEquals(143, daemon.awaitExit());
                } finally {
                    clients.forEach(WireClient::close);
                }
                List<String> stderr = daemon.stderr();
                assertEquals(1, stderr.size(), "one line for " + (1 + TURNED_AWAY_AFTER_THE_FIRST)
                        + " clients turned away: " + stderr);
                assertTrue(stderr.getFirst().matches("\\S+Z WARN  cannot accept: Too many open files; new connections"
                        + " are told the cave is full \\(raise the descriptor limit, LimitNOFILE= or ulimit -n, above"
                        + " --max-connections\\)"), stderr.getFirst());
                assertTrue(daemon.stdout().stream().noneMatch(line -> line.contains("#")),
                        "no line about single connections at the default level: " + daemon.stdout());
            }
        });
    }

    private static WireClient join(int port, String name, List<WireClient> clients) {
        WireClient member = WireClient.connect(port);
        clients.add(member);
        return member.expect(Notices.GREETING + "\n").send(name + "\n").expect(Notices.welcome(name) + "\n");
    }

    /**
     * Opens greeted connections until the daemon (limited to {@code descriptors}) answers one with item 9 instead,
     * which it then closes: from then on the daemon has no descriptor left.
     */
    static void fillEveryDescriptor(int port, int descriptors, List<WireClient> clients) {
        for (int opened = 0; opened < descriptors; opened++) {
            WireClient client = WireClient.connect(port);
            String first = client.readLine();
            if (first.equals(Notices.FULL)) {
                client.expectEof();
                client.close();
                return;
            }
            assertEquals(Notices.GREETING, first);
            clients.add(client);
        }
        fail("no item 9 after " + descriptors + " connections to a daemon limited to " + descriptors + " descriptors");
    }
}
