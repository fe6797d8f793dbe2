package org.cavechat.daemon;

import java.nio.charset.StandardCharsets;

/**
 * The original's framing: every read of at most 1024 bytes is one message, as {@code recv(1024)} was, except
 * that an incomplete UTF-8 character at the end of a read is held back (at most 3 bytes) and put in front of
 * the next read, so no character is ever cut in two.
 */
final class LegacyInbound implements Inbound {
    private static final byte[] NOTHING = new byte[0];

    private byte[] heldBack = NOTHING;

    @Override
    public int readLimit(int bufferCapacity) {
        return Math.min(bufferCapacity, Framing.LEGACY_READ_BYTES - heldBack.length);
    }

    @Override
    public void accept(byte[] bytes, int offset, int length, Sink sink) {
        byte[] chunk = bytes;
        int start = offset;
        int end = offset + length;
        if (heldBack.length > 0) {
            chunk = new byte[heldBack.length + length];
            System.arraycopy(heldBack, 0, chunk, 0, heldBack.length);
            System.arraycopy(bytes, offset, chunk, heldBack.length, length);
            start = 0;
            end = chunk.length;
        }
        int tail = Utf8.incompleteTailLength(chunk, start, end - start);
        heldBack = tail == 0 ? NOTHING : java.util.Arrays.copyOfRange(chunk, end - tail, end);
        if (end - tail > start) {
            sink.message(new String(chunk, start, end - tail - start, StandardCharsets.UTF_8));
        }
    }
}
