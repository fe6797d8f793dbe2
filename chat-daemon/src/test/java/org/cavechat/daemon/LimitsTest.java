package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.BAD_NAME;
import static org.cavechat.daemon.Notices.FULL;
import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.NAME_TIMEOUT;
import static org.cavechat.daemon.Notices.QUIT;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Original defect 10, connections and time: the original had no limit on connections and no timeouts. Here one
 * connection over {@code --max-connections} is told the cave is full and closed, and a connection that sends no
 * acceptable name within {@code --name-timeout} is told so and closed. A connection whose framing is not known
 * yet (it has sent nothing) gets these notices bare, as the original clients expect every item.
 * The name timeout is observed on the wire, never slept for: the client just reads until the notice arrives.
 */
class LimitsTest {

    /** Short, so a test waiting for a timeout is quick; for a connection that sends nothing at all. */
    private static final Duration SHORT = Duration.ofMillis(200);

    /**
     * Long enough that a client which does send (a name, a refused name) is surely read before it runs out even
     * on a loaded machine, short enough that waiting for it keeps the test quick.
     */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    @Test
    void aConnectionOverTheLimitGetsTheOneLineExplanationAndEndOfStream() {
        try (RunningServer cave = RunningServer.start(c -> c.maxConnections(2))) {
            WireClient alice = cave.joinLegacy("alice");
            WireClient unnamed = cave.greeted();
            cave.connect().expect(FULL).expectEof();
            Deadline.awaitLeaves(cave, DisconnectReason.SERVER_FULL, 1);
            // The refused connection was never a member: nobody is told, and the limit counts the unnamed one.
            alice.send("marker").expect(message("alice", "marker"));
            unnamed.send("bob").expect(welcome("bob"));
            alice.expect(joined("bob"));
        }
    }

    @Test
    void aSlotFreedByALeavingMemberAcceptsTheNextConnection() {
        try (RunningServer cave = RunningServer.start(c -> c.maxConnections(1))) {
            WireClient alice = cave.joinLegacy("alice");
            cave.connect().expect(FULL).expectEof();
            alice.send(QUIT).expect(QUIT).expectEof();
            Deadline.awaitEquals("open connections", 0, () -> cave.stats().connectionsOpen());
            cave.joinLegacy("bob").send("hi").expect(message("bob", "hi"));
        }
    }

    @Test
    void aConnectionThatSendsNoNameIsToldSoAndClosedAtTheNameTimeout() {
        try (RunningServer cave = RunningServer.start(c -> c.nameTimeout(SHORT))) {
            cave.connect().expect(GREETING).expect(NAME_TIMEOUT).expectEof();
            Deadline.awaitLeaves(cave, DisconnectReason.NAME_TIMEOUT, 1);
        }
    }

    @Test
    void aLineConnectionWhoseNamesAreAllRefusedGetsTheTimeoutNoticeAsALine() {
        try (RunningServer cave = RunningServer.start(c -> c.nameTimeout(MARGIN))) {
            cave.greeted().send("a:b\n").expect(BAD_NAME + "\n").expect(NAME_TIMEOUT + "\n").expectEof();
        }
    }

    @Test
    void theNameTimeoutNeverAppliesToAMember() {
        try (RunningServer cave = RunningServer.start(c -> c.nameTimeout(MARGIN))) {
            WireClient alice = cave.joinLegacy("alice");
            // A connection accepted after alice joined times out; by then alice's own deadline, had it applied
            // to members, would have passed as well.
            cave.connect().expect(GREETING).expect(NAME_TIMEOUT).expectEof();
            alice.send("still here").expect(message("alice", "still here"));
            assertEquals(1, cave.stats().connectionsOpen());
        }
    }

    @Test
    void aTimedOutConnectionIsNotAnnouncedToTheRoom() {
        try (RunningServer cave = RunningServer.start(c -> c.nameTimeout(MARGIN))) {
            WireClient alice = cave.joinLine("alice");
            cave.connect().expect(GREETING).expect(NAME_TIMEOUT).expectEof();
            alice.send("marker\n").expect(message("alice", "marker") + "\n");
            alice.send(QUIT + "\n").expect(QUIT + "\n").expectEof();
            assertEquals(0, cave.stats().leaves(DisconnectReason.CLOSED));
        }
    }
}
