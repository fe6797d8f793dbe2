package org.cavechat.daemon;

import java.nio.ByteBuffer;

/**
 * The items queued for one connection and not yet written, with a byte budget. Holds references to frames
 * that a broadcast encoded once and shares with every member, so queuing costs no copy and no allocation;
 * the copy into the socket happens once, in {@link #copyInto}, when the connection is flushed.
 * Event-loop thread only.
 */
final class Outbox {
    private static final int INITIAL_CAPACITY = 4;
    /** Above this, an emptied ring is given back: a burst must not pin memory for the connection's life. */
    private static final int RETAINED_CAPACITY = 64;

    private final long budgetBytes;
    private byte[][] ring = new byte[INITIAL_CAPACITY][];
    private int head;
    private int size;
    /** Bytes of the head frame already written. */
    private int headOffset;
    private long pendingBytes;

    Outbox(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** Queues {@code frame} unless that would exceed the budget; false means the reader has fallen behind. */
    boolean offer(byte[] frame) {
        if (pendingBytes + frame.length > budgetBytes) {
            return false;
        }
        append(frame);
        return true;
    }

    /** Queues {@code frame} whatever the budget: for the one last notice before a close. */
    void append(byte[] frame) {
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) & (ring.length - 1)] = frame;
        size++;
        pendingBytes += frame.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long pendingBytes() {
        return pendingBytes;
    }

    /**
     * Copies queued bytes, oldest first, into {@code target} until it is full or {@code maxFrames} frames have been
     * copied. Nothing is removed: {@link #consume} does that once the socket has taken the bytes.
     *
     * @return the number of bytes copied
     */
    int copyInto(ByteBuffer target, int maxFrames) {
        int copied = 0;
        int offset = headOffset;
        for (int i = 0; i < size && i < maxFrames && target.hasRemaining(); i++) {
            byte[] frame = ring[(head + i) & (ring.length - 1)];
            int length = Math.min(frame.length - offset, target.remaining());
            target.put(frame, offset, length);
            copied += length;
            offset = 0;
        }
        return copied;
    }

    /** Forgets the first {@code bytes} queued bytes: the socket has taken them. */
    void consume(int bytes) {
        pendingBytes -= bytes;
        int remaining = bytes;
        while (remaining > 0) {
            byte[] frame = ring[head];
            int left = frame.length - headOffset;
            if (remaining < left) {
                headOffset += remaining;
                return;
            }
            remaining -= left;
            removeHead();
        }
    }

    /** Drops everything queued, for a connection that is closed; returns how many bytes were dropped. */
    long clear() {
        long dropped = pendingBytes;
        while (size > 0) {
            removeHead();
        }
        pendingBytes = 0;
        return dropped;
    }

    private void removeHead() {
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        headOffset = 0;
        if (size == 0 && ring.length > RETAINED_CAPACITY) {
            ring = new byte[INITIAL_CAPACITY][];
            head = 0;
        }
    }

    private void grow() {
        byte[][] bigger = new byte[ring.length * 2][];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = bigger;
        head = 0;
    }
}
