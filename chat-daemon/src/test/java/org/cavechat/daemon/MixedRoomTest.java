package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.QUIT;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.welcome;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Legacy and line members share one room, and each receives every item in its own framing. */
class MixedRoomTest {

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void theProtocolDocumentsByteExampleHappensExactly() {
        WireClient bob = cave.joinLine("bob");

        WireClient alice = cave.connect();
        alice.expect(GREETING);
        alice.send("alice");
        alice.expect(welcome("alice"));
        bob.expect(joined("alice") + "\n");

        alice.send("hi");
        alice.expect(message("alice", "hi"));
        bob.expect(message("alice", "hi") + "\n");

        bob.send("hello\n");
        alice.expect(message("bob", "hello"));
        bob.expect(message("bob", "hello") + "\n");

        alice.send(QUIT);
        alice.expect(QUIT);
        alice.expectEof();
        bob.expect(left("alice") + "\n");
    }

    @Test
    void aLegacyMemberSeesLineMembersJoinAndLeaveWithoutNewlines() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob"));
        bob.send(QUIT + "\n").expect(QUIT + "\n").expectEof();
        alice.expect(left("bob"));
        alice.send("alone").expect(message("alice", "alone"));
    }

    @Test
    void oneMessageReachesSeveralMembersOfEachFramingInTheirOwnFraming() {
        WireClient legacy1 = cave.joinLegacy("l1");
        WireClient line1 = cave.joinLine("n1");
        legacy1.expect(joined("n1"));
        WireClient legacy2 = cave.joinLegacy("l2");
        legacy1.expect(joined("l2"));
        line1.expect(joined("l2") + "\n");
        WireClient line2 = cave.joinLine("n2");
        legacy1.expect(joined("n2"));
        line1.expect(joined("n2") + "\n");
        legacy2.expect(joined("n2"));

        line2.send("from a line member\n");
        for (WireClient legacy : new WireClient[] {legacy1, legacy2}) {
            legacy.expect(message("n2", "from a line member"));
        }
        for (WireClient line : new WireClient[] {line1, line2}) {
            line.expect(message("n2", "from a line member") + "\n");
        }

        legacy2.send("from a legacy member");
        for (WireClient legacy : new WireClient[] {legacy1, legacy2}) {
            legacy.expect(message("l2", "from a legacy member"));
        }
        for (WireClient line : new WireClient[] {line1, line2}) {
            line.expect(message("l2", "from a legacy member") + "\n");
        }
    }
}
