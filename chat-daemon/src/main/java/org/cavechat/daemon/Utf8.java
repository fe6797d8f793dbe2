package org.cavechat.daemon;

/**
 * The UTF-8 questions the decoders cannot leave to {@link String}: whether a read ends in the middle of a
 * character, and whether the next read finishes it. The original cut such characters at its 1024-byte reads
 * and the receiving clients failed to decode them. Invalid bytes elsewhere are left to
 * {@code new String(bytes, UTF_8)}, which replaces them with U+FFFD.
 */
final class Utf8 {
    private Utf8() {}

    /**
     * How many bytes are missing from an incomplete but so far valid multi-byte sequence at the end of
     * {@code bytes[offset, offset+length)}; 0 when the range ends on a character boundary (or with bytes no
     * continuation can fix).
     */
    static int missingBytes(byte[] bytes, int offset, int length) {
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
        int needed = sequenceLength(bytes[start] & 0xFF);
        return have < needed ? needed - have : 0;
    }

    /** How many of the first bytes of {@code bytes[from, to)}, at most {@code max}, are continuation bytes. */
    static int leadingContinuations(byte[] bytes, int from, int to, int max) {
        int count = 0;
        while (count < max && from + count < to && isContinuation(bytes[from + count])) {
            count++;
        }
        return count;
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
