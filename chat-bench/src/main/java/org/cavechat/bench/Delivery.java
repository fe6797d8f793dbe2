package org.cavechat.bench;

/**
 * The byte accounting of one member's connection: it first skips the setup traffic it is known to
 * receive (the join notices of the members who joined after it), then counts whole items of the one
 * size every benchmark broadcast has in this member's framing. Counting bytes instead of parsing
 * keeps the reader cheap, and works for legacy framing, which has no delimiter to find.
 *
 * <p>Used by one reader thread at a time.
 */
final class Delivery {
    private final int itemBytes;
    private long setupBytes;
    private long partial;

    Delivery(long setupBytes, int itemBytes) {
        if (itemBytes <= 0 || setupBytes < 0) {
            throw new IllegalArgumentException("itemBytes " + itemBytes + ", setupBytes " + setupBytes);
        }
        this.setupBytes = setupBytes;
        this.itemBytes = itemBytes;
    }

    /** Accounts {@code n} received bytes and returns the number of items they complete. */
    long received(int n) {
        long rest = n;
        if (setupBytes > 0) {
            long skipped = Math.min(setupBytes, rest);
            setupBytes -= skipped;
            rest -= skipped;
        }
        partial += rest;
        long items = partial / itemBytes;
        partial -= items * itemBytes;
        return items;
    }

    /** True once all the setup traffic has arrived. */
    boolean settled() {
        return setupBytes == 0;
    }
}
