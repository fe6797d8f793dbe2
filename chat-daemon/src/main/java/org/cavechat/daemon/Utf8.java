package org.cavechat.daemon;

/**
 * The one UTF-8 question the decoders cannot leave to {@link String}: where a read ends in the middle of a
 * character. The original cut such characters at its 1024-byte reads and the receiving clients failed to
 * decode them; holding back the incomplete tail (at most 3 bytes) until the next read avoids that.
 * Invalid bytes elsewhere are left to {@code new String(bytes, UTF_8)}, which replaces them with U+FFFD.
 */
final class Utf8 {
    private Utf8() {}

    /**
     * The length of an incomplete but so far valid multi-byte sequence at the end of {@code bytes[offset,
     * offset+length)}, or 0 when the range ends on a character boundary (or with bytes no continuation can fix).
     */
    static int incompleteTailLength(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int start = end - 1;
        int continuations = 0;
        while (start >= offset && continuations < 3 && isContinuation(bytes[start])) {
            start--;
            continuations++;
        }
        if (start < offset) {
            return 0;
        }
        int have = end - start;
        return have < sequenceLength(bytes[start] & 0xFF) ? have : 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** How many bytes a sequence starting with {@code lead} has; 1 for ASCII and for bytes that cannot lead. */
    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 1;
    }
}
