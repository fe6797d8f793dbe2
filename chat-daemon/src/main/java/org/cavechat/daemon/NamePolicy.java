package org.cavechat.daemon;

/**
 * Which names are acceptable. The original accepted anything, so names could be empty, duplicated,
 * {@code {quit}}, hold control characters or contain {@code ": "} and make message prefixes ambiguous.
 * Stateless; the room checks uniqueness.
 */
final class NamePolicy {
    /** Characters, not bytes: what a person counts when choosing a name. */
    static final int MAX_LENGTH = 32;

    private NamePolicy() {}

    /** True when {@code name} may be shown as a sender's prefix; uniqueness is the room's business. */
    static boolean isAcceptable(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH) {
            return false;
        }
        return name.codePoints().noneMatch(NamePolicy::isForbidden);
    }

    /** The form in which two names count as the same name. */
    static String identity(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isForbidden(int c) {
        return c == ':' || ItemEncoder.isControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFD';
    }
}
