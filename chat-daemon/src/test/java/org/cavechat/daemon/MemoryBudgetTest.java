package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.BAD_NAME;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * No overall memory bound used to exist (docs/security.md, "No overall memory bound"): a client that sent
 * thousands of short invalid names without reading made the daemon queue a refusal for each, about 1 MB per such
 * client, and nothing bounded all outboxes together. Now a client is not read while it leaves more than a few of
 * its answers unread (TCP pushes back on it), and past {@code --memory-budget} the connections furthest behind
 * are dropped.
 */
class MemoryBudgetTest {
    private static final int INVALID_NAMES = 20_000;
    private static final String PADDING = "x".repeat(3_000);
    /** Bounds the test: far more 3 KB messages than the budget, the outboxes and any kernel buffers hold. */
    private static final int MAX_MESSAGES = 5_000;

    @AutoClose
    final RunningServer cave = RunningServer.start(c -> c.memoryBudgetBytes(128 * 1024));

    @Test
    void aClientThatSendsThousandsOfInvalidNamesWithoutReadingIsNotReadOnAndGetsEveryAnswerOnceItReads() {
        WireClient deaf = cave.connectWithReceiveBuffer(4096);
        deaf.send(":\n".repeat(INVALID_NAMES)); // 40 KB: the kernel takes it all at once.

        WireClient alice = cave.joinLine("alice");
        alice.send("still here\n").expect(message("alice", "still here") + "\n");

        assertEquals(0, cave.stats().leaves(DisconnectReason.SLOW_CONSUMER), Deadline.leaveCounts(cave.stats()));
        assertEquals(2, cave.stats().connectionsOpen());
        long readFromAll = cave.stats().bytesIn();
        assertTrue(readFromAll < 2 * INVALID_NAMES / 2, "the daemon read " + readFromAll + " bytes: it kept "
                + "reading a client that left its answers unread");

        deaf.expect(Notices.GREETING).expectRepeated(BAD_NAME + "\n", INVALID_NAMES);
        deaf.send("deaf\n").expect(Notices.welcome("deaf") + "\n");
        alice.expect(joined("deaf") + "\n");
    }

    @Test
    void whenTheOutboxesTogetherPassTheMemoryBudgetTheConnectionsFurthestBehindAreDropped() {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");
        for (String name : new String[] {"deaf1", "deaf2"}) {
            WireClient deaf = cave.connectWithReceiveBuffer(4096);
            deaf.expect(Notices.GREETING).send(name + "\n").expect(Notices.welcome(name) + "\n");
            alice.expect(joined(name) + "\n");
            bob.expect(joined(name) + "\n");
        }

        int leavesSeen = 0;
        for (int sent = 0; leavesSeen < 4; sent++) {
            if (sent == MAX_MESSAGES) {
                fail("the members that never read were not dropped after " + sent + " messages of 3 KB");
            }
            alice.send(sent + PADDING + "\n");
            leavesSeen += nextMessageAfterLeaves(alice, sent) + nextMessageAfterLeaves(bob, sent);
        }

        assertEquals(2, cave.stats().leaves(DisconnectReason.MEMORY_BUDGET), Deadline.leaveCounts(cave.stats()));
        assertEquals(0, cave.stats().leaves(DisconnectReason.SLOW_CONSUMER));
        assertEquals(2, cave.stats().connectionsOpen());
    }

    /** Reads the leave notices that come before message {@code number}, then the message; returns the notices. */
    private static int nextMessageAfterLeaves(WireClient member, int number) {
        int notices = 0;
        String line;
        while ((line = member.readLine()).equals(left("deaf1")) || line.equals(left("deaf2"))) {
            notices++;
        }
        if (!line.equals(message("alice", number + PADDING))) {
            fail("expected message " + number + ", received " + line.substring(0, Math.min(60, line.length())));
        }
        return notices;
    }
}
