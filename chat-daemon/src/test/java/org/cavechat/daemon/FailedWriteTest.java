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

        alice.send("after\n");
        alice.expect(message("alice", "after") + "\n");
        bob.expect(message("alice", "after") + "\n");
        Deadline.awaitEquals("leaves(RESET) + leaves(WRITE_FAILED)", 1,
                () -> cave.stats().leaves(DisconnectReason.RESET) + cave.stats().leaves(DisconnectReason.WRITE_FAILED));
        assertEquals(0, cave.stats().leaves(DisconnectReason.CLOSED));
    }

    /** Lines from {@code "bob: before"} through {@code "bob: m<last>"}, asserting every broadcast is in order. */
    private static List<String> readUntilLast(WireClient member) {
        List<String> seen = new ArrayList<>();
        String last = message("bob", "m" + (BROADCASTS - 1));
        int next = -1;
        String line;
        do {
            line = member.readLine();
            seen.add(line);
            if (!line.equals(left("dead"))) {
                assertEquals(message("bob", next < 0 ? "before" : "m" + next), line, "broadcast " + (next + 1));
                next++;
            }
        } while (!line.equals(last));
        return seen;
    }
}
