package org.cavechat.daemon;

import static org.cavechat.daemon.NamePolicy.Verdict.ACCEPTABLE;
import static org.cavechat.daemon.NamePolicy.Verdict.MALFORMED;
import static org.cavechat.daemon.NamePolicy.Verdict.MISLEADING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamePolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob Smith", "Zoë 🦊", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Алиса", "山田 Taro",
        "やまだタロー", "محمد", "R2-D2", "🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊"})
    void ordinaryNamesAreAcceptedIncludingSpacesNonLatinLettersAnd32Characters(String name) {
        assertEquals(ACCEPTABLE, NamePolicy.judge(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "bob: hi", "12:30", "alice\n", "al\u001b[31mice",
        "bad\uFFFDutf8", "line\u2028break", "🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊"})
    void namesThatWouldMakePrefixesAmbiguousOrAreOver32CharactersAreMalformed(String name) {
        assertEquals(MALFORMED, NamePolicy.judge(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\u200B", "al\u200Dice", "alice\u00AD", "alice\uFE0F", "\u200Ealice", "\u061Calice",
        "\u202Eecila", "\u2067alice", "alice\uDB40\uDC01"})
    void invisibleAndDirectionChangingCharactersAreMisleading(String name) {
        assertEquals(MISLEADING, NamePolicy.judge(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\u00A0\u2003", "\u3164", "\uFFA0", "\u2800\u2800"})
    void namesMadeOnlyOfSpacesOrFillersAreMisleading(String name) {
        assertEquals(MISLEADING, NamePolicy.judge(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0430lice", "\u03BFscar", "Bob \u0410\u043B\u0438\u0441\u0430", "a\u13D7b",
        "e\u0301\u0301", "\u0661\u0662\u0033", "ali\u0307ce"})
    void mixingLatinWithCyrillicGreekOrCherokeeOrDigitSystemsOrStackingOrHidingAMarkIsMisleading(String name) {
        assertEquals(MISLEADING, NamePolicy.judge(name));
    }

    @ParameterizedTest
    @CsvSource({"Alice, aLICE", "alic\u00E9, alice\u0301", "alice, \uFF41lice", "alice, '  alice '",
        "ace, \u0430\u0441\u0435", "Bob Smith, Bob\u00A0\u00A0Smith", "alice, a1ice"})
    void namesThatLookTheSameHaveOneIdentity(String one, String other) {
        assertEquals(NamePolicy.identity(one), NamePolicy.identity(other));
    }

    @ParameterizedTest
    @CsvSource({"alice, alic\u00E9", "Zoe, Zo\u00EB", "Bob Smith, BobSmith", "alice, alicia"})
    void namesThatLookDifferentHaveDifferentIdentities(String one, String other) {
        assertNotEquals(NamePolicy.identity(one), NamePolicy.identity(other));
    }
}
