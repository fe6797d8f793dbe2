package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.message;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * One silent connection used to pin memory (docs/security.md, "One silent connection pins memory"): name
 * deadlines were kept in arrival order and only the oldest was ever looked at, so while one connection sat
 * unnamed every later connection that closed stayed referenced, with its buffers, until that one timed out:
 * ~4.9 KB each, an OutOfMemoryError after ~56,000 short connections. A connection now stops waiting for its name
 * the moment it joins or closes, whatever waits before it.
 */
class UnnamedConnectionsTest {
    private static final int SHORT_CONNECTIONS = 300;

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void connectionsThatCloseWhileAnOlderOneWaitsForItsNameAreForgottenAtOnce() {
        cave.greeted(); // Never sends a name.
        for (int i = 0; i < SHORT_CONNECTIONS; i++) {
            try (WireClient visitor = WireClient.connect(cave.port())) {
                visitor.expect(Notices.GREETING);
            }
        }

        Deadline.awaitEquals("connections open", 1, () -> cave.stats().connectionsOpen());
        Deadline.awaitEquals("connections waiting for a name", 1, () -> cave.stats().connectionsNaming());
    }

    @Test
    void connectionsThatJoinWhileAnOlderOneWaitsForItsNameStopWaitingAtOnce() {
        cave.greeted();
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");

        bob.send("hi\n");
        alice.expect(message("bob", "hi") + "\n");
        Deadline.awaitEquals("connections waiting for a name", 1, () -> cave.stats().connectionsNaming());
    }
}
