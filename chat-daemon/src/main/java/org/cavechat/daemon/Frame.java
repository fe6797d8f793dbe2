package org.cavechat.daemon;

/**
 * One encoded item, shared by every outbox that queues it: a broadcast encodes an item once per framing and
 * hands the same frame to every member. {@link #holders} counts the outboxes that still hold it, so the
 * {@link MemoryBudget} charges its bytes once while anyone holds it and releases them when the last one has
 * written it. Event-loop thread only.
 */
final class Frame {
    /**
     * What a frame costs the heap beyond its content: this object (16) plus the byte array's header (16),
     * with the content rounded up to the JVM's 8-byte alignment. An upper bound for a 64-bit JVM.
     */
    private static final int OVERHEAD_BYTES = 32;

    final byte[] bytes;
    /** Outboxes holding this frame now. */
    int holders;

    Frame(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Bytes of heap this frame pins while any outbox holds it. */
    long heapBytes() {
        return OVERHEAD_BYTES + ((bytes.length + 7L) & ~7L);
    }
}
