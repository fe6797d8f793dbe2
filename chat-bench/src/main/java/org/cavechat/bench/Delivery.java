package org.cavechat.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte accounting of one member's connection. It first looks for the sync mark, a message the
 * sender broadcasts once every member has joined, skipping whatever came before (join notices, in
 * an order that depends on how the joins interleaved); from the end of that item on it counts whole
 * items of the one size every benchmark broadcast has in this member's framing. Counting bytes
 * instead of parsing keeps the reader cheap, and works for legacy framing, which has no delimiter.
 *
 * <p>Used by one reader thread at a time.
 */
final class Delivery {
    /** The sync message; its first byte occurs nowhere else in it, nor in any name or notice. */
    static final String MARK = "{SYNC}";
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.US_ASCII);

    private final int itemBytes;
    private int matched;
    private int terminatorLeft;
    private long partial;

    /** For items of {@code itemBytes} each, ended by {@code terminatorBytes} (1 for line framing). */
    Delivery(int itemBytes, int terminatorBytes) {
        if (itemBytes <= 0 || terminatorBytes < 0) {
            throw new IllegalArgumentException("itemBytes " + itemBytes + ", terminatorBytes " + terminatorBytes);
        }
        this.itemBytes = itemBytes;
        this.terminatorLeft = terminatorBytes;
    }

    /** Accounts the bytes between position and limit of {@code data} and returns the items they complete. */
    long received(ByteBuffer data) {
        int at = data.position();
        while (!settled() && at < data.limit()) {
            if (matched == MARK_BYTES.length) {
                terminatorLeft--;
            } else {
                byte b = data.get(at);
                matched = b == MARK_BYTES[matched] ? matched + 1 : b == MARK_BYTES[0] ? 1 : 0;
            }
            at++;
        }
        partial += data.limit() - at;
        long items = partial / itemBytes;
        partial -= items * itemBytes;
        return items;
    }

    /** True once the sync item has arrived whole: what follows are benchmark items. */
    boolean settled() {
        return matched == MARK_BYTES.length && terminatorLeft == 0;
    }
}
