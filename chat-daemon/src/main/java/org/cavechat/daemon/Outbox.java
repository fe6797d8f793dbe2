package org.cavechat.daemon;

import java.nio.ByteBuffer;

/**
 * The frames queued for one connection and not yet written, within a budget of the heap they pin. Holds
 * references to frames that a broadcast encoded once and shares with every member, so queuing costs no copy
 * and no allocation; the copy into the socket happens once, in {@link #copyInto}, when the connection is
 * flushed. Every byte the outbox pins (each frame's content and headers, and the ring's slots) counts against
 * its own budget and, once per frame however many outboxes share it, against the server's
 * {@link MemoryBudget}. Event-loop thread only.
 */
final class Outbox {
    private static final int INITIAL_CAPACITY = 4;
    /**
     * Above this, an emptied ring is cut back to {@link #SHRUNK_CAPACITY}: a burst (a join storm gives every
     * member thousands of notices) must not pin memory for the connection's life. Cutting back to the initial 4
     * slots made a busy room regrow every ring by doubling on every round (grow() was 7% of the daemon's
     * CPU at 350,000 messages a second to 10 members); 64 slots keep 512 bytes per connection.
     */
    private static final int RETAINED_CAPACITY = 256;
    private static final int SHRUNK_CAPACITY = 64;
    /** A ring slot is a reference: 4 bytes with compressed pointers, 8 without. Counted as 8. */
    private static final int SLOT_BYTES = 8;

    private final long budgetBytes;
    private final MemoryBudget memory;
    private Frame[] ring = new Frame[INITIAL_CAPACITY];
    private int head;
    private int size;
    /** Bytes of the head frame already written. */
    private int headOffset;
    /** Content bytes not yet written: what the peer has still to read. */
    private long pendingBytes;
    /** Heap the queued frames pin (content and headers), not counting the ring. */
    private long frameHeapBytes;

    Outbox(long budgetBytes, MemoryBudget memory) {
        this.budgetBytes = budgetBytes;
        this.memory = memory;
        memory.charge(ringHeapBytes());
    }

    /** Queues {@code frame} unless the heap it would pin exceeds the budget; false means the reader fell behind. */
    boolean offer(Frame frame) {
        long ringGrowth = size == ring.length ? ringHeapBytes() : 0;
        if (pinnedBytes() + ringGrowth + frame.heapBytes() > budgetBytes) {
            return false;
        }
        append(frame);
        return true;
    }

    /** Queues {@code frame} whatever the budget: for the one last notice before a close. */
    void append(Frame frame) {
        if (size == ring.length) {
            resize(ring.length * 2);
        }
        ring[(head + size) & (ring.length - 1)] = frame;
        size++;
        pendingBytes += frame.bytes.length;
        frameHeapBytes += frame.heapBytes();
        if (frame.holders++ == 0) {
            memory.charge(frame.heapBytes());
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    long pendingBytes() {
        return pendingBytes;
    }

    /** Heap pinned by the queued frames alone: what flow control weighs (a ring's slots outlive a burst). */
    long queuedHeapBytes() {
        return frameHeapBytes;
    }

    /** Every byte of heap this outbox holds on to: the budget's measure. */
    long pinnedBytes() {
        return frameHeapBytes + ringHeapBytes();
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
            byte[] frame = ring[(head + i) & (ring.length - 1)].bytes;
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
            int left = ring[head].bytes.length - headOffset;
            if (remaining < left) {
                headOffset += remaining;
                return;
            }
            remaining -= left;
            removeHead();
        }
    }

    /**
     * Drops everything queued and gives back every byte this outbox pinned, its ring included: the connection is
     * closed and the outbox is not used again. Returns how many unwritten bytes were dropped.
     */
    long release() {
        long dropped = pendingBytes;
        while (size > 0) {
            removeHead();
        }
        pendingBytes = 0;
        memory.release(ringHeapBytes());
        ring = new Frame[0];
        return dropped;
    }

    private void removeHead() {
        Frame frame = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        headOffset = 0;
        frameHeapBytes -= frame.heapBytes();
        if (--frame.holders == 0) {
            memory.release(frame.heapBytes());
        }
        if (size == 0 && ring.length > RETAINED_CAPACITY) {
            resize(SHRUNK_CAPACITY);
        }
    }

    private void resize(int capacity) {
        Frame[] resized = new Frame[capacity];
        for (int i = 0; i < size; i++) {
            resized[i] = ring[(head + i) & (ring.length - 1)];
        }
        memory.release(ringHeapBytes());
        ring = resized;
        head = 0;
        memory.charge(ringHeapBytes());
    }

    private long ringHeapBytes() {
        return (long) ring.length * SLOT_BYTES;
    }
}
