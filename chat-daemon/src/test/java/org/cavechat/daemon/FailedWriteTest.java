package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Original defect 1, the write side: in the original, a broadcast that reached a dead member's socket raised in
 * the sender's handler thread and killed it, so the sender and everyone after the dead socket lost the room.
 * Here a member whose socket is reset while broadcasts are racing towards it costs nobody anything. Whether the
 * server notices the reset on a read (RESET) or on a write (WRITE_FAILED) is the kernel's timing; exactly one
 * of the two is counted, the others get exactly one leave notice, and every broadcast reaches everyone else.
 */
class FailedWriteTest {

    private static final int BROADCASTS = 50;

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void aMemberResetWhileBroadcastsRaceTowardsItNeverAffectsTheSenderOrTheOthers() {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");
        WireClient dead = cave.joinLegacy("dead");
        alice.expect(joined("dead") + "\n");
        bob.expect(joined("dead") + "\n");

        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < BROADCASTS; i++) {
            burst.append("m").append(i).append('\n');
        }
        bob.send("before\n");
        dead.reset();
        bob.send(burst.toString());

        List<String> seenByAlice = readUntilLast(alice);
        List<String> seenByBob = readUntilLast(bob);
        assertEquals(seenByAlice, seenByBob, "both survivors see the same items in the same order");
        assertEquals(BROADCASTS + 2, seenByAlice.size(), "every broadcast plus exactly one leave notice: " + seenByAlice);
        assertEquals(1, seenByAlice.stream().filter(left("dead")::equals).count());

        // Nothing else follows: the very next item for both is alice's marker (so no second leave notice).
        alice.send("after\n");
        alice.expect(message("alice", "after") + "\n");
        bob.expect(message("alice", "after") + "\n");
        Deadline.await("one leave, by RESET or WRITE_FAILED", () -> cave.stats().leaves(DisconnectReason.RESET)
                + cave.stats().leaves(DisconnectReason.WRITE_FAILED) == 1, () -> Deadline.leaveCounts(cave.stats()));
        assertEquals(0, cave.stats().leaves(DisconnectReason.CLOSED));
    }

    /**
     * Lines up to both the last broadcast and the leave notice, whichever comes last, asserting the broadcasts
     * arrive complete and in order; a missing notice runs into the read deadline and fails.
     */
    private static List<String> readUntilLast(WireClient member) {
        List<String> seen = new ArrayList<>();
        String last = message("bob", "m" + (BROADCASTS - 1));
        int next = -1;
        while (!(seen.contains(last) && seen.contains(left("dead")))) {
            String line = member.readLine();
            seen.add(line);
            if (!line.equals(left("dead"))) {
                assertEquals(message("bob", next < 0 ? "before" : "m" + next), line, "broadcast " + (next + 1));
                next++;
            }
        }
        return seen;
    }
}
