package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-message-rate}: a member that sends faster than the rate is read more slowly, never cut off, and the
 * others talk on; its messages all arrive, in order, at the rate. Here one message a second, and a flood of
 * 10,000: whatever the test thread's speed, the daemon cannot have taken more than a few of them.
 */
class MessageRateTest {
    private static final int FLOOD = 10_000;

    @AutoClose
    final RunningServer cave = RunningServer.start(c -> c.maxMessageRate(1));

    @Test
    void aMemberOverItsMessageRateIsReadMoreSlowlyWhileTheOthersTalk() {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");

        alice.send("x\n".repeat(FLOOD));
        bob.expect(message("alice", "x") + "\n");
        bob.send("hello\n");
        String line;
        int floodLines = 1;
        while (!(line = bob.readLine()).equals(message("bob", "hello"))) {
            assertEquals(message("alice", "x"), line, "after " + floodLines + " lines of the flood");
            floodLines++;
        }

        long taken = cave.stats().messagesIn();
        assertTrue(taken < FLOOD / 2, "the daemon took " + taken + " messages of a flood at one a second");
        assertEquals(0, cave.stats().leaves(DisconnectReason.SLOW_CONSUMER), Deadline.leaveCounts(cave.stats()));
        assertEquals(2, cave.stats().connectionsOpen());
    }
}
