package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.BAD_NAME;
import static org.cavechat.daemon.Notices.MISLEADING_NAME;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.taken;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that look like a member's name, or like nothing (docs/security.md, "Impersonation by look-alike names").
 * Each was accepted before, so its lines and its leave notice looked exactly like alice's. A refused name is
 * answered with item 8 and the room never hears of it: each test checks that with the next joiner's notice.
 */
class ImpersonationTest {

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @ParameterizedTest
    @ValueSource(strings = {
        "alice\u200B", // ZERO WIDTH SPACE
        "alice\u2060", // WORD JOINER
        "\uFEFFalice", // ZERO WIDTH NO-BREAK SPACE (byte order mark)
        "\u0430lice", // CYRILLIC SMALL LETTER A
        "ali\u0441e", // CYRILLIC SMALL LETTER ES
        "\u202Eecila", // RIGHT-TO-LEFT OVERRIDE: shown as "alice"
        "\u2066alice\u2069", // LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE
    })
    void aLookAlikeOfAMembersNameIsRefusedAndTheRoomHearsNothing(String lookAlike) {
        WireClient alice = cave.joinLegacy("alice");
        WireClient mallory = cave.greeted().send(lookAlike).expect(MISLEADING_NAME);
        mallory.send("bob").expect(welcome("bob"));
        alice.expect(joined("bob"));
        assertEquals(2, cave.stats().joins());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "\u200B", "\u3164", "\u2800", "\u3000"})
    void aNameThatCannotBeSeenIsRefused(String invisible) {
        WireClient alice = cave.joinLegacy("alice");
        WireClient mallory = cave.greeted().send(invisible).expect(MISLEADING_NAME);
        mallory.send("bob").expect(welcome("bob"));
        alice.expect(joined("bob"));
    }

    @Test
    void aLookAlikeNameIsRefusedInLineFramingWithANewline() {
        WireClient alice = cave.joinLine("alice");
        cave.greeted().send("\u0430lice\n").expect(MISLEADING_NAME + "\n").send("bob\n").expect(welcome("bob") + "\n");
        alice.expect(joined("bob") + "\n");
    }

    @ParameterizedTest
    @CsvSource({
        "alic\u00E9, alice\u0301", // composed, then decomposed
        "alice\u0301, alic\u00E9", // decomposed, then composed
        "alice, ALICE",
        "alice, \uFF41\uFF4C\uFF49\uFF43\uFF45", // FULLWIDTH LATIN SMALL LETTERs
        "alice, 'alice '",
        "alice, '  alice'",
        "alice bob, 'alice  bob'",
        "alice, a1ice", // the digit one, the confusable of l in Unicode's table
        "ace, \u0430\u0441\u0435", // all Cyrillic: one script, so not refused, but the same name
    })
    void twoSpellingsThatLookTheSameAreOneNameSoTheSecondIsTaken(String member, String lookAlike) {
        WireClient first = cave.joinLegacy(member);
        WireClient second = cave.greeted().send(lookAlike).expect(taken(lookAlike));
        second.send("bob").expect(welcome("bob"));
        first.expect(joined("bob"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Zo\u00EB", "Jos\u00E9", "\u0410\u043B\u0438\u0441\u0430", "\u5C71\u7530",
        "\u0645\u062D\u0645\u062F", "\u0395\u03BB\u03AD\u03BD\u03B7", "\u5C71\u7530 Taro", "Zo\u00EB \uD83E\uDD8A",
        "alic\u00E9"})
    void ordinaryNamesInAnyOneScriptStillJoinAndSpeak(String name) {
        WireClient bob = cave.joinLegacy("bob");
        WireClient member = cave.greeted().send(name).expect(welcome(name));
        bob.expect(joined(name));
        member.send("hi").expect(message(name, "hi"));
        bob.expect(message(name, "hi"));
    }

    @Test
    void aNameBreakingTheFirstRulesGetsTheirTextEvenWhenItAlsoHidesCharacters() {
        cave.greeted().send("alice:\u200B").expect(BAD_NAME).send("\u0430lice\u0007").expect(BAD_NAME);
    }
}
