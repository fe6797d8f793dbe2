package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.BAD_NAME;
import static org.cavechat.daemon.Notices.QUIT;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.taken;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names (original defect 8: duplicate, empty, {@code {quit}}, control-character and colon names were accepted).
 * A refused name is answered with item 8 in the connection's framing and the server waits for another; the
 * room never hears of it, which each test checks with a marker message as the very next item.
 */
class NameRulesTest {

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void aNameTakenByAMemberIsRefusedCaseInsensitivelyAndAnotherIsAccepted() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient second = cave.greeted().send("ALICE").expect(taken("ALICE"));
        second.send("alice").expect(taken("alice"));
        second.send("bob").expect(welcome("bob"));
        alice.expect(joined("bob"));
    }

    @Test
    void namesDifferingOnlyInTheCaseOfAccentedLettersAreTheSameName() {
        cave.joinLegacy("Zoë");
        cave.greeted().send("ZOË").expect(taken("ZOË"));
    }

    @Test
    void aConnectionThatHasNotNamedItselfReceivesNoBroadcasts() {
        WireClient unnamed = cave.greeted();
        WireClient alice = cave.joinLegacy("alice");
        alice.send("hi").expect(message("alice", "hi"));
        // Had the unnamed connection received alice's join or message, the welcome would not be next.
        unnamed.send("bob").expect(welcome("bob"));
        alice.expect(joined("bob"));
    }

    @Test
    void aTakenNameIsRefusedInLineFramingWithANewline() {
        cave.joinLine("alice");
        cave.greeted().send("Alice\n").expect(taken("Alice") + "\n").send("bob\n").expect(welcome("bob") + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b", ":", "alice:", "mallory: hi", "a\u0000b", "a\u0007b", "a\u001bb", "a\rb", "a\tb",
        "a\u007fb", "a\u0085b", "a\u009fb", "a\u2028b", "a\u2029b", "a\ufffdb", "123456789012345678901234567890123"})
    void aNameWithAColonAControlCharacterOrOver32CharactersIsRefused(String name) {
        WireClient alice = cave.joinLegacy("alice");
        WireClient other = cave.greeted().send(name).expect(BAD_NAME);
        other.send("bob").expect(welcome("bob"));
        alice.expect(joined("bob"));
        assertEquals(1 + 1, cave.stats().joins());
    }

    @Test
    void anEmptyLineBeforeTheNameIsIgnoredLikeEveryEmptyLine() {
        // protocol.md says both "an empty line is ignored" and "a name has 1 to 32 characters, otherwise item 8";
        // the daemon applies the first (a telnet user pressing enter is not refused), and so does this test.
        WireClient bob = cave.greeted().send("\n").send("\r\n").send("bob\n");
        bob.expect(welcome("bob") + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "12345678901234567890123456789012", "Zoë Ångström", "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ",
        "a b", "{quit}x", "x{quit}", "[bob]", "bob!", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"})
    void aNameOfOneTo32CharactersWithoutColonsOrControlsIsAcceptedVerbatim(String name) {
        WireClient member = cave.greeted().send(name).expect(welcome(name));
        member.send("hi").expect(message(name, "hi"));
    }

    @Test
    void characterCountNotByteCountLimitsANameSo33TwoByteCharactersAreRefused() {
        cave.greeted().send("É".repeat(33)).expect(BAD_NAME);
    }

    @Test
    void quitAsTheNameInLineFramingIsAnsweredWithAQuitLineAndClosed() {
        WireClient alice = cave.joinLine("alice");
        cave.greeted().send(QUIT + "\n").expect(QUIT + "\n").expectEof();
        alice.send("marker\n").expect(message("alice", "marker") + "\n");
    }

    @Test
    void aNameFreedByALeavingMemberCanBeTakenAgain() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLegacy("bob");
        alice.expect(joined("bob"));
        alice.send(QUIT).expect(QUIT).expectEof();
        bob.expect(left("alice"));
        cave.greeted().send("alice").expect(welcome("alice"));
        bob.expect(joined("alice"));
    }

    @Test
    void aRefusedNameIsNotAnnouncedToTheRoom() {
        WireClient alice = cave.joinLine("alice");
        cave.greeted().send("a:b\n").expect(BAD_NAME + "\n");
        cave.greeted().send("ALICE\n").expect(taken("ALICE") + "\n");
        alice.send("marker\n").expect(message("alice", "marker") + "\n");
        assertEquals(1, cave.stats().joins());
    }
}
