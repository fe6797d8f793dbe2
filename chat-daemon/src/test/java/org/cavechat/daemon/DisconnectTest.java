package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Original defects 1 and 2: a client that went away without {@code {quit}} was never removed (later broadcasts
 * raised in the sender's thread and the room stopped working), and a half-closed one made the server broadcast
 * {@code "alice: "} with an empty payload in a busy loop. Here each way of going away removes the member once,
 * the others get exactly one leave notice, and the very next item they receive is the next real message.
 */
class DisconnectTest {

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void aLegacyMemberThatClosesWithoutQuitLeavesAndTheRoomKeepsWorking() {
        WireClient bob = cave.joinLegacy("bob");
        WireClient alice = cave.joinLegacy("alice");
        bob.expect(joined("alice"));
        alice.close();
        bob.expect(left("alice"));
        bob.send("marker").expect(message("bob", "marker"));
        bob.send("again").expect(message("bob", "again"));
        Deadline.awaitLeaves(cave, DisconnectReason.CLOSED, 1);
    }

    @Test
    void aLineMemberThatClosesWithoutQuitLeaves() {
        WireClient bob = cave.joinLine("bob");
        WireClient alice = cave.joinLine("alice");
        bob.expect(joined("alice") + "\n");
        alice.close();
        bob.expect(left("alice") + "\n");
        bob.send("marker\n").expect(message("bob", "marker") + "\n");
        Deadline.awaitLeaves(cave, DisconnectReason.CLOSED, 1);
    }

    @Test
    void aMemberThatResetsWithUnreadDataLeavesAndTheRoomKeepsWorking() {
        WireClient bob = cave.joinLegacy("bob");
        WireClient alice = cave.joinLegacy("alice");
        bob.expect(joined("alice"));
        bob.send("unread by alice").expect(message("bob", "unread by alice"));
        // Once the server has written it, nothing is pending for alice, so only a read can notice the reset.
        alice.awaitUnread(message("bob", "unread by alice").length());
        alice.reset();
        bob.expect(left("alice"));
        bob.send("marker").expect(message("bob", "marker"));
        Deadline.awaitLeaves(cave, DisconnectReason.RESET, 1);
    }

    @Test
    void aHalfClosedMemberLeavesOnceWithoutABusyLoopAndIsSentNothing() {
        WireClient bob = cave.joinLegacy("bob");
        WireClient alice = cave.joinLegacy("alice");
        bob.expect(joined("alice"));
        alice.halfClose();
        // The original answered end of stream with endless "alice: " broadcasts; the next item after the
        // leave notice must be bob's marker, and alice (who can still read) gets no {quit}, only end of stream.
        bob.expect(left("alice"));
        bob.send("marker").expect(message("bob", "marker"));
        alice.expectEof();
        assertEquals(1, cave.stats().messagesIn());
        Deadline.awaitLeaves(cave, DisconnectReason.CLOSED, 1);
    }

    @Test
    void aHalfClosedLineMemberLeavesOnceAndIsSentNothing() {
        WireClient bob = cave.joinLine("bob");
        WireClient alice = cave.joinLine("alice");
        bob.expect(joined("alice") + "\n");
        alice.send("unfinished line without newline");
        alice.halfClose();
        bob.expect(left("alice") + "\n");
        bob.send("marker\n").expect(message("bob", "marker") + "\n");
        alice.expectEof();
        assertEquals(1, cave.stats().messagesIn());
    }

    @Test
    void manyMembersVanishingInDifferentWaysEachLeaveOnceAndTheSurvivorHearsEveryNotice() {
        WireClient bob = cave.joinLine("bob");
        WireClient closer = cave.joinLegacy("closer");
        bob.expect(joined("closer") + "\n");
        WireClient resetter = cave.joinLegacy("resetter");
        bob.expect(joined("resetter") + "\n");
        WireClient halfCloser = cave.joinLine("halfcloser");
        bob.expect(joined("halfcloser") + "\n");

        closer.close();
        bob.expect(left("closer") + "\n");
        resetter.reset();
        bob.expect(left("resetter") + "\n");
        halfCloser.halfClose();
        bob.expect(left("halfcloser") + "\n");

        bob.send("marker\n").expect(message("bob", "marker") + "\n");
        Deadline.awaitEquals("open connections", 1, () -> cave.stats().connectionsOpen());
    }

    @Test
    void aConnectionThatGoesAwayBeforeNamingItselfIsNotAnnounced() {
        WireClient bob = cave.joinLegacy("bob");
        cave.greeted().close();
        cave.connect().reset();
        Deadline.awaitEquals("open connections", 1, () -> cave.stats().connectionsOpen());
        bob.send("marker").expect(message("bob", "marker"));
    }
}
