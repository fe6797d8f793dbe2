package org.cavechat.daemon;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Line framing: a message is a line ended by {@code \n} (a {@code \r} before it is dropped), partial lines
 * are reassembled across reads, empty lines are ignored. A line longer than the cap is dropped as soon as
 * it is known to be too long, up to and including its {@code \n}, and reported once: memory per connection
 * never exceeds the cap, whatever the peer sends. When the sink says stop, the rest of the read waits in a
 * backlog (at most one read) until {@link #resume}.
 */
final class LineInbound implements Inbound {
    private static final byte[] NOTHING = new byte[0];

    private final int maxLineBytes;
    /** Start of a line that has no {@code \n} yet; empty and unallocated between lines. */
    private byte[] partial = NOTHING;
    private int partialLength;
    /** True from the moment a line is known to be too long until its {@code \n}. */
    private boolean discarding;
    /** The rest of a read after the message at which the sink said stop; empty when nothing waits. */
    private byte[] backlog = NOTHING;

    LineInbound(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int readLimit(int bufferCapacity) {
        return bufferCapacity;
    }

    @Override
    public void accept(byte[] bytes, int offset, int length, Sink sink) {
        int position = offset;
        int end = offset + length;
        while (position < end) {
            int newline = indexOfNewline(bytes, position, end);
            if (newline < 0) {
                holdPartial(bytes, position, end, sink);
                return;
            }
            boolean goOn = completeLine(bytes, position, newline, sink);
            position = newline + 1;
            if (!goOn && position < end) {
                backlog = Arrays.copyOfRange(bytes, position, end);
                return;
            }
        }
    }

    @Override
    public boolean hasBacklog() {
        return backlog.length > 0;
    }

    @Override
    public void resume(Sink sink) {
        byte[] waiting = backlog;
        backlog = NOTHING;
        accept(waiting, 0, waiting.length, sink);
    }

    @Override
    public int heldBytes() {
        return partial.length + backlog.length;
    }

    /** Hands the line that ends at {@code to} to the sink; false when the sink said stop. */
    private boolean completeLine(byte[] bytes, int from, int to, Sink sink) {
        if (discarding) {
            discarding = false;
            return true;
        }
        byte[] line = bytes;
        int start = from;
        int end = to;
        if (partialLength > 0) {
            line = appendToPartial(bytes, from, to);
            start = 0;
            end = partialLength;
            partial = NOTHING;
            partialLength = 0;
        }
        if (end > start && line[end - 1] == '\r') {
            end--;
        }
        if (end - start > maxLineBytes) {
            sink.lineTooLong();
            return true;
        }
        return end == start || sink.message(new String(line, start, end - start, StandardCharsets.UTF_8));
    }

    /** Keeps the start of an unfinished line, or starts discarding when it is already over the cap. */
    private void holdPartial(byte[] bytes, int from, int to, Sink sink) {
        if (discarding) {
            return;
        }
        // One byte of slack: a line of exactly maxLineBytes may still be waiting for its "\r\n".
        if (partialLength + (to - from) > maxLineBytes + 1) {
            partial = NOTHING;
            partialLength = 0;
            discarding = true;
            sink.lineTooLong();
            return;
        }
        appendToPartial(bytes, from, to);
    }

    private byte[] appendToPartial(byte[] bytes, int from, int to) {
        int needed = partialLength + (to - from);
        if (needed > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(needed, Math.min(2 * partial.length, maxLineBytes + 1)));
        }
        System.arraycopy(bytes, from, partial, partialLength, to - from);
        partialLength = needed;
        return partial;
    }

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
