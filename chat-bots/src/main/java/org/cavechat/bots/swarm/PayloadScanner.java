package org.cavechat.bots.swarm;

/**
 * Finds {@link Payload}s in what one connection receives, in either framing, whatever the read boundaries:
 * a payload cut by a read is kept (at most {@code maxPayloadBytes}) and completed by the next read.
 * Text outside brackets (notices, a human's lines) is skipped; a {@code [#…]} that does not parse is
 * counted as malformed. One instance per bot; runs on that bot's loop thread.
 */
final class PayloadScanner {

    /** Receives what the scanner found. */
    interface Sink {
        void payload(int sender, long seq, long intended, long actual);

        void malformed();
    }

    private final int maxPayloadBytes;
    private final long[] fields = new long[4];
    private byte[] carry;
    private int carryLength;

    PayloadScanner(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    void scan(byte[] bytes, int offset, int length, Sink sink) {
        int end = offset + length;
        int at = carryLength > 0 ? completeCarry(bytes, offset, end, sink) : offset;
        while (at < end) {
            int open = indexOf(bytes, at, end, Payload.OPEN);
            if (open < 0) {
                return;
            }
            if (open + 1 < end && bytes[open + 1] != Payload.MARK) {
                at = open + 1;
                continue;
            }
            int close = indexOf(bytes, open, end, Payload.CLOSE);
            if (close < 0) {
                keep(bytes, open, end - open, sink);
                return;
            }
            parse(bytes, open, close, sink);
            at = close + 1;
        }
    }

    /** Finishes a payload begun in an earlier read; returns where scanning of this read continues. */
    private int completeCarry(byte[] bytes, int offset, int end, Sink sink) {
        if (carryLength == 1 && bytes[offset] != Payload.MARK) {
            carryLength = 0;
            return offset;
        }
        int close = indexOf(bytes, offset, end, Payload.CLOSE);
        int taken = (close < 0 ? end : close + 1) - offset;
        keep(bytes, offset, taken, sink);
        if (close >= 0 && carryLength > 0) {
            parse(carry, 0, carryLength - 1, sink);
            carryLength = 0;
        }
        return offset + taken;
    }

    private void keep(byte[] bytes, int from, int count, Sink sink) {
        if (carryLength + count > maxPayloadBytes) {
            sink.malformed();
            carryLength = 0;
            return;
        }
        if (carry == null) {
            carry = new byte[maxPayloadBytes];
        }
        System.arraycopy(bytes, from, carry, carryLength, count);
        carryLength += count;
        if (carryLength >= 2 && carry[1] != Payload.MARK) {
            carryLength = 0;
        }
    }

    /** Parses {@code bytes[open..close]}, where {@code bytes[open]} is {@code [} and {@code bytes[close]} is {@code ]}. */
    private void parse(byte[] bytes, int open, int close, Sink sink) {
        int at = open + 2;
        for (int f = 0; f < fields.length; f++) {
            int start = at;
            long value = 0;
            while (at < close && bytes[at] >= '0' && bytes[at] <= '9' && at - start < 19) {
                value = value * 10 + (bytes[at++] - '0');
            }
            if (at == start || at >= close || bytes[at] != ' ') {
                sink.malformed();
                return;
            }
            fields[f] = value;
            at++;
        }
        if (fields[0] > Integer.MAX_VALUE) {
            sink.malformed();
            return;
        }
        sink.payload((int) fields[0], fields[1], fields[2], fields[3]);
    }

    private static int indexOf(byte[] bytes, int from, int end, byte wanted) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
