package org.cavechat.daemon;

/**
 * The one ceiling over all outboxes (and the input a paused sender leaves waiting): every byte they pin on
 * the heap, counted once, shared frames included once however many outboxes hold them, ring slots included.
 * Past the ceiling the event loop drops the connections furthest behind until the room fits again
 * (docs/protocol.md, "Flow control and memory"). Event-loop thread only; {@link DaemonStats} publishes it.
 */
final class MemoryBudget {
    private final long ceilingBytes;
    private final DaemonStats stats;
    private long usedBytes;

    MemoryBudget(long ceilingBytes, DaemonStats stats) {
        this.ceilingBytes = ceilingBytes;
        this.stats = stats;
    }

    void charge(long bytes) {
        usedBytes += bytes;
    }

    void release(long bytes) {
        usedBytes -= bytes;
    }

    long usedBytes() {
        return usedBytes;
    }

    boolean isExceeded() {
        return usedBytes > ceilingBytes;
    }

    /** Once a loop turn: a gauge written per change would put a shared write on the fan-out path. */
    void publish() {
        stats.memoryUsed(usedBytes);
    }
}
