package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Original defect 4: one client that never read blocked everyone, because the broadcasting thread blocked in
 * {@code send} once that client's buffers filled. Here a member that never reads (with a small receive window)
 * fills its outbox past the budget and is disconnected as SLOW_CONSUMER, while the sender and a reader receive
 * every message in order, in lockstep with the sender, and exactly one leave notice among them.
 */
class SlowConsumerTest {

    private static final int OUTBOX_BYTES = 64 * 1024;
    private static final String PADDING = "x".repeat(3_000);
    /** Bounds the test: 20,000 messages of 3 KB is far beyond the budget plus any kernel buffers. */
    private static final int MAX_MESSAGES = 20_000;

    @AutoClose
    final RunningServer cave = RunningServer.start(c -> c.outboxBytes(OUTBOX_BYTES));

    @Test
    void aMemberThatNeverReadsIsDisconnectedWhileTheOthersReceiveEveryMessageInOrder() {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");
        WireClient slow = cave.connectWithReceiveBuffer(4096);
        slow.expect(Notices.GREETING).send("slow\n").expect(Notices.welcome("slow") + "\n");
        alice.expect(joined("slow") + "\n");
        bob.expect(joined("slow") + "\n");

        int sent = 0;
        boolean aliceSawLeave = false;
        boolean bobSawLeave = false;
        while (!(aliceSawLeave && bobSawLeave)) {
            if (sent == MAX_MESSAGES) {
                fail("the member that never reads was not disconnected after " + sent + " messages of 3 KB");
            }
            alice.send(sent + PADDING + "\n");
            aliceSawLeave |= nextMessageOrLeave(alice, sent, aliceSawLeave);
            bobSawLeave |= nextMessageOrLeave(bob, sent, bobSawLeave);
            sent++;
        }

        alice.send("marker\n");
        alice.expect(message("alice", "marker") + "\n");
        bob.expect(message("alice", "marker") + "\n");
        Deadline.awaitLeaves(cave, DisconnectReason.SLOW_CONSUMER, 1);
        assertEquals(2, cave.stats().connectionsOpen());
    }

    /**
     * Reads message {@code number}, and the leave notice if it comes first; true when the notice came. A second
     * notice, a gap or a reordering fails the test.
     */
    private static boolean nextMessageOrLeave(WireClient member, int number, boolean leaveSeen) {
        String line = member.readLine();
        if (line.equals(left("slow"))) {
            if (leaveSeen) {
                fail("a second leave notice for the slow member");
            }
            assertMessage(number, member.readLine());
            return true;
        }
        assertMessage(number, line);
        return false;
    }

    /** Compares without printing 3 KB of padding when the line is wrong. */
    private static void assertMessage(int number, String line) {
        if (!line.equals(message("alice", number + PADDING))) {
            String shown = line.length() > 60 ? line.substring(0, 60) + "... (" + line.length() + " chars)" : line;
            fail("expected message " + number + " (alice: " + number + "xxx...), received " + shown);
        }
    }
}
