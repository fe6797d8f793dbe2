package org.cavechat.bots.swarm;

import java.nio.ByteBuffer;

/**
 * The text of one swarm message: {@code [#<sender> <seq> <intended> <actual> xxx…]}, decimal ASCII,
 * padded with {@code x} to the requested size. Times are nanoseconds since the swarm's origin (one
 * {@link System#nanoTime()} base, so only meaningful inside the process that sent them).
 *
 * <p>The brackets make a message self-delimiting, so it is found in a legacy byte stream where items run
 * together; no server notice and no bot name contains {@code [#}. This class writes one; {@link
 * PayloadScanner} finds and reads them.
 */
final class Payload {
    static final byte OPEN = '[';
    static final byte MARK = '#';
    static final byte CLOSE = ']';
    static final byte PAD = 'x';
    /** Smallest size worth asking for: the header of a long run's message fits in it. */
    static final int MIN_BYTES = 48;
    /** Longest header: four longs, separators and brackets. */
    static final int MAX_HEADER_BYTES = 2 + 4 * 19 + 4 + 1;

    private Payload() {
    }

    /**
     * Writes one payload at the buffer's position: exactly {@code size} bytes when the header fits in
     * {@code size}, otherwise just the header (a message is never cut).
     */
    static void encode(ByteBuffer out, int sender, long seq, long intended, long actual, int size) {
        int start = out.position();
        out.put(OPEN).put(MARK);
        putDecimal(out, sender);
        out.put((byte) ' ');
        putDecimal(out, seq);
        out.put((byte) ' ');
        putDecimal(out, intended);
        out.put((byte) ' ');
        putDecimal(out, actual);
        out.put((byte) ' ');
        int padding = size - (out.position() - start) - 1;
        for (int i = 0; i < padding; i++) {
            out.put(PAD);
        }
        out.put(CLOSE);
    }

    /** Writes a non-negative number without allocating. */
    static void putDecimal(ByteBuffer out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative field " + value);
        }
        long divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.put((byte) ('0' + (value / divisor) % 10));
        }
    }
}
