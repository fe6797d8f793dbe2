package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamePolicyTest {

    @Test
    void ordinaryNamesAreAcceptedIncludingSpacesAndNonLatinLetters() {
        assertTrue(NamePolicy.isAcceptable("alice"));
        assertTrue(NamePolicy.isAcceptable("Bob Smith"));
        assertTrue(NamePolicy.isAcceptable("Zoë 🦊"));
        assertTrue(NamePolicy.isAcceptable("x".repeat(32)));
    }

    @Test
    void namesThatWouldMakePrefixesAmbiguousOrHideCharactersAreRefused() {
        assertFalse(NamePolicy.isAcceptable(""));
        assertFalse(NamePolicy.isAcceptable("x".repeat(33)));
        assertFalse(NamePolicy.isAcceptable("bob: hi"));
        assertFalse(NamePolicy.isAcceptable("12:30"));
        assertFalse(NamePolicy.isAcceptable("alice\n"));
        assertFalse(NamePolicy.isAcceptable("al\u001b[31mice"));
        assertFalse(NamePolicy.isAcceptable("bad\uFFFDutf8"));
        assertFalse(NamePolicy.isAcceptable("line\u2028break"));
    }

    @Test
    void theLengthLimitCountsCharactersNotBytes() {
        assertTrue(NamePolicy.isAcceptable("🦊".repeat(32)));
        assertFalse(NamePolicy.isAcceptable("🦊".repeat(33)));
    }

    @Test
    void namesDifferingOnlyInCaseAreTheSameName() {
        assertEquals(NamePolicy.identity("Alice"), NamePolicy.identity("aLICE"));
    }
}
