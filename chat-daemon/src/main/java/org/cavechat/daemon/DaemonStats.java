package org.cavechat.daemon;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's live counters. Written only by the event-loop thread, read by anyone (metrics, tests,
 * benchmarks): every field is atomic, so a reader sees each counter exact but not all of them at one instant.
 * Counting is per batch, never per delivery, to keep the hot path free of shared writes.
 */
public final class DaemonStats {
    private final AtomicLong connectionsOpen = new AtomicLong();
    private final AtomicLong connectionsTotal = new AtomicLong();
    private final AtomicLong joins = new AtomicLong();
    private final Map<DisconnectReason, AtomicLong> leaves = new EnumMap<>(DisconnectReason.class);
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong deliveriesOut = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong outboxBytesPending = new AtomicLong();
    private final TurnLatency turnLatency = new TurnLatency();
    private final AtomicLong memoryUsed = new AtomicLong();
    private final AtomicLong connectionsNaming = new AtomicLong();

    DaemonStats() {
        for (DisconnectReason reason : DisconnectReason.values()) {
            leaves.put(reason, new AtomicLong());
        }
    }

    /** Connections open now, named or not. */
    public long connectionsOpen() {
        return connectionsOpen.get();
    }

    /** Connections accepted since start, including those refused because the server was full. */
    public long connectionsTotal() {
        return connectionsTotal.get();
    }

    /** Names accepted since start. */
    public long joins() {
        return joins.get();
    }

    /** Connections ended for this reason since start. */
    public long leaves(DisconnectReason reason) {
        return leaves.get(reason).get();
    }

    /** Chat messages received from members (not names, not {@code {quit}}). */
    public long messagesIn() {
        return messagesIn.get();
    }

    /** Items queued to members by broadcasts: one per recipient per broadcast. */
    public long deliveriesOut() {
        return deliveriesOut.get();
    }

    /** Bytes read from all connections. */
    public long bytesIn() {
        return bytesIn.get();
    }

    /** Bytes written to all connections. */
    public long bytesOut() {
        return bytesOut.get();
    }

    /** Bytes queued in outboxes and not yet written. */
    public long outboxBytesPending() {
        return outboxBytesPending.get();
    }

    /** How long the loop took to serve each turn that produced output. */
    TurnLatency turnLatency() {
        return turnLatency;
    }

    /**
     * Heap the outboxes pin now (frames counted once however many members share them, ring slots included),
     * plus input held back by flow control: what the memory budget weighs. Updated once per loop turn.
     */
    public long memoryUsed() {
        return memoryUsed.get();
    }

    void memoryUsed(long bytes) {
        memoryUsed.lazySet(bytes);
    }

    /** Connections open now that have not joined yet (waiting for an acceptable name). Updated once per loop turn. */
    public long connectionsNaming() {
        return connectionsNaming.get();
    }

    void naming(long connections) {
        connectionsNaming.lazySet(connections);
    }

    void connectionOpened() {
        connectionsOpen.incrementAndGet();
        connectionsTotal.incrementAndGet();
    }

    void connectionClosed(DisconnectReason reason) {
        connectionsOpen.decrementAndGet();
        leaves.get(reason).incrementAndGet();
    }

    void joined() {
        joins.incrementAndGet();
    }

    void messageIn() {
        messagesIn.incrementAndGet();
    }

    void delivered(int recipients) {
        deliveriesOut.addAndGet(recipients);
    }

    void read(int bytes) {
        bytesIn.addAndGet(bytes);
    }

    void wrote(int bytes) {
        bytesOut.addAndGet(bytes);
    }

    void outboxChanged(long deltaBytes) {
        outboxBytesPending.addAndGet(deltaBytes);
    }

    /**
     * A loop turn that produced output took {@code nanos} from the start of its reads to the end of its flush.
     * Called once per such turn, never per delivery: a few atomic adds.
     */
    void turnServed(long nanos) {
        turnLatency.record(nanos);
    }
}
