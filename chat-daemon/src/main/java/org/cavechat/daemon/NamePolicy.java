package org.cavechat.daemon;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;

/**
 * Which names are acceptable, and when two names are the same name. The original accepted anything, so names
 * could be empty, duplicated, {@code {quit}}, hold control characters or {@code ": "}, and a name could look
 * exactly like another member's ({@code alice} with a zero-width space, with a Cyrillic {@code а}, spelt
 * backwards behind a right-to-left override) or like nothing at all. The look-alike rules are Unicode's own
 * (UTS #39, through ICU); docs/protocol.md ("Names") lists them with examples. The room checks uniqueness.
 *
 * <p>Stateless: the ICU objects below are immutable and safe to share between threads and servers. They load
 * their data on first use, which {@link #prepare} does before a server accepts anyone.
 */
final class NamePolicy {
    /** Characters, not bytes: what a person counts when choosing a name. */
    static final int MAX_LENGTH = 32;

    /** What the policy makes of a name; each refusal has its own text (item 8 of docs/protocol.md). */
    enum Verdict {
        ACCEPTABLE,
        /** Breaks the first rules: length, colon, control characters, U+FFFD. */
        MALFORMED,
        /** Could pass for another name, or for no name: hidden characters, mixed scripts, nothing visible. */
        MISLEADING
    }

    /**
     * Characters that show nothing (zero-width spaces and joiners, fillers, the byte order mark, variation
     * selectors, tags) or reorder what is shown around them (bidi controls). Unicode lists both.
     */
    private static final UnicodeSet HIDDEN =
            new UnicodeSet("[[:Default_Ignorable_Code_Point:][:Bidi_Control:]]").freeze();

    /** Case, width and compatibility forms folded; also drops default-ignorable characters. */
    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();

    /**
     * UTS #39 checks on one name: Latin may mix with one other script but not with Cyrillic or Greek, and
     * other scripts not with each other (Han with Kana or Hangul excepted); no digits from two systems; no
     * repeated combining mark; no mark hidden over a dotted letter. Also gives the confusable skeleton.
     */
    private static final SpoofChecker LOOKS = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE
                    | SpoofChecker.HIDDEN_OVERLAY)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
            .build();

    private NamePolicy() {}

    /** Judges {@code name}; uniqueness is the room's business. */
    static Verdict judge(String name) {
        if (!isWellFormed(name)) {
            return Verdict.MALFORMED;
        }
        if (HIDDEN.containsSome(name) || LOOKS.failsChecks(name) || identity(name).isEmpty()) {
            return Verdict.MISLEADING;
        }
        return Verdict.ACCEPTABLE;
    }

    /**
     * The form in which two names count as the same name: the UTS #39 confusable skeleton of the NFKC-casefolded
     * name, with spaces trimmed and runs of spaces made one. {@code ALICE}, {@code alice } and a fullwidth
     * {@code ａｌｉｃｅ} are {@code alice}; so are {@code a1ice} and an all-Cyrillic look-alike. Never shown.
     */
    static String identity(String name) {
        return collapseSpaces(LOOKS.getSkeleton(FOLD.normalize(name)));
    }

    /**
     * Loads ICU's data (about 100 ms on a cold JVM) now rather than while the first joiner waits. Idempotent
     * and cheap once done; any thread.
     */
    static void prepare() {
        judge("Prepared \u0410\u043B\u0438\u0441\u0430");
    }

    /** The rules from before look-alikes were considered; their refusal text is fixed by the conformance suite. */
    private static boolean isWellFormed(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH) {
            return false;
        }
        return name.codePoints().noneMatch(NamePolicy::isForbidden);
    }

    private static boolean isForbidden(int c) {
        return c == ':' || ItemEncoder.isControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFD';
    }

    /** Skeletons keep spaces, and map blank-looking symbols such as U+2800 to them. */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean spaceBefore = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                spaceBefore = !out.isEmpty();
            } else {
                if (spaceBefore) {
                    out.append(' ');
                    spaceBefore = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
