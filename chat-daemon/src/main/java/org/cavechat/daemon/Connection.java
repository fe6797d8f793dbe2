package org.cavechat.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One client socket: its framing, what it has sent that is not yet a message, what is queued for it, and
 * where it stands (naming, member, closed). Owned by the event-loop thread; nothing here is shared.
 */
final class Connection {
    enum State { NAMING, MEMBER, CLOSED }

    /** Where a member stands in {@link FlowControl}'s stall rule. */
    enum Stall {
        /** Its outbox is under the high watermark, or it has not passed it since it was last under the low one. */
        NONE,
        /** Over the high watermark: nobody is read until it catches up or its stall time is spent. */
        HOLDING_BACK,
        /** Its stall time is spent: it holds nobody back again until it is back under the low watermark. */
        SPENT
    }

    /** A member's kernel send buffer: twice what one loop turn may queue for it. */
    static final int MEMBER_SEND_BUFFER_BYTES = 128 * 1024;

    final long id;
    final String remote;
    private final Wire wire;
    private final Outbox outbox;
    private final DaemonStats stats;
    private final FlowControl flow;
    private final MemoryBudget memory;
    /** The wait for an acceptable name, which ends when the connection joins or closes. */
    private final Deadlines naming;
    /** The wait for the rest of a cut UTF-8 character, which ends at the next read or when the connection closes. */
    private final Deadlines cutCharacters;

    private Framing framing;
    private Inbound inbound;
    private State state = State.NAMING;
    private String name;
    private boolean queuedForFlush;
    private boolean waitingForWritable;
    private boolean readingStopped;
    /** Set once the last item is queued: when the outbox is empty, the output side is shut. */
    private boolean finishing;
    /** Input bytes held by the decoder, as last charged to the memory budget. */
    private int chargedInputBytes;
    Stall stall = Stall.NONE;
    /** Its {@code --max-message-rate} allowance, made by {@link FlowControl} once it is a member; null when unlimited. */
    MessageAllowance allowance;
    /** {@link #queuedHeapBytes()} when the current stall window began: how much it took since tells if it reads. */
    long heapAtStallWindowStart;
    /** Counted for {@link ConnectionLog}, which logs the first of each and the totals at the join and the end. */
    int namesRefused;
    int linesDropped;

    Connection(long id, Wire wire, String remote, Outbox outbox, DaemonStats stats,
            FlowControl flow, MemoryBudget memory, Deadlines naming, Deadlines cutCharacters) {
        this.id = id;
        this.wire = wire;
        this.remote = remote;
        this.outbox = outbox;
        this.stats = stats;
        this.flow = flow;
        this.memory = memory;
        this.naming = naming;
        this.cutCharacters = cutCharacters;
    }

    Framing framing() {
        return framing;
    }

    Inbound inbound() {
        return inbound;
    }

    void decideFraming(Framing chosen, int maxLineBytes) {
        framing = chosen;
        inbound = Inbound.of(chosen, maxLineBytes);
    }

    State state() {
        return state;
    }

    boolean isMember() {
        return state == State.MEMBER;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    String name() {
        return name;
    }

    void becomeMember(String acceptedName) {
        name = acceptedName;
        state = State.MEMBER;
        naming.cancel(this);
        wire.sendBufferBytes(MEMBER_SEND_BUFFER_BYTES);
    }

    boolean isFinishing() {
        return finishing;
    }

    /** Heap pinned by queued frames, ring slots left out: what flow control weighs. */
    long queuedHeapBytes() {
        return outbox.queuedHeapBytes();
    }

    /** Heap this connection holds on to: its outbox (ring included) and its decoder's waiting input. */
    long heldBytes() {
        return outbox.pinnedBytes() + chargedInputBytes;
    }

    /** Reads at most {@code limit} bytes into {@code buffer} (cleared first); -1 at end of stream. */
    int read(ByteBuffer buffer, int limit) throws IOException {
        buffer.clear().limit(limit);
        int count = wire.read(buffer);
        if (count > 0) {
            stats.read(count);
        }
        return count;
    }

    /** Charges (or gives back) the input the decoder holds now, after it took a read or its backlog. */
    void chargeHeldInput() {
        int held = inbound == null ? 0 : inbound.heldBytes();
        memory.charge(held - chargedInputBytes);
        chargedInputBytes = held;
    }

    /**
     * Queues {@code frame} within the budget; false means this reader has fallen too far behind. The caller
     * accounts the bytes in {@link DaemonStats#outboxChanged}: a broadcast does it once, not per member.
     */
    boolean enqueue(Frame frame) {
        if (finishing) {
            return true; // Nothing may follow a goodbye; the connection is about to close anyway.
        }
        if (!outbox.offer(frame)) {
            return false;
        }
        if (state == State.MEMBER) {
            flow.outboxGrew(this);
        }
        scheduleFlush();
        return true;
    }

    /**
     * Queues the connection's last item, whatever the budget, and shuts its output once that is written.
     * Further items are ignored: nothing may follow a goodbye.
     */
    void finishWith(Frame frame) {
        if (finishing || isClosed()) {
            return;
        }
        outbox.append(frame);
        stats.outboxChanged(frame.bytes.length);
        scheduleFlush();
        finishing = true;
    }

    private void scheduleFlush() {
        if (!queuedForFlush && !waitingForWritable) {
            queuedForFlush = true;
            flow.toFlush().add(this);
        }
    }

    /**
     * Writes what is queued, as much as the socket takes, using {@code scratch} for the copy. Line framing
     * sends everything queued in as few writes as the scratch allows; legacy framing writes each item on its
     * own, as the original did, so its clients show one item per line.
     *
     * @return true when everything queued has been written
     */
    boolean flush(ByteBuffer scratch) throws IOException {
        queuedForFlush = false;
        int framesPerWrite = framing == Framing.LEGACY || framing == null ? 1 : Integer.MAX_VALUE;
        try {
            while (!outbox.isEmpty()) {
                scratch.clear();
                int copied = outbox.copyInto(scratch, framesPerWrite);
                scratch.flip();
                int written = wire.write(scratch);
                outbox.consume(written);
                stats.outboxChanged(-written);
                stats.wrote(written);
                if (written < copied) {
                    awaitWritable(true);
                    return false;
                }
            }
        } finally {
            flow.outboxShrank(this);
        }
        awaitWritable(false);
        if (finishing) {
            wire.shutdownOutput();
        }
        return true;
    }

    boolean hasPendingOutput() {
        return !outbox.isEmpty();
    }

    /** Read interest off: flow control holds this connection's input back (TCP then pushes back on the peer). */
    void stopReading() {
        if (!readingStopped && wire.readInterest(false)) {
            readingStopped = true;
        }
    }

    void resumeReading() {
        if (readingStopped && wire.readInterest(true)) {
            readingStopped = false;
        }
    }

    private void awaitWritable(boolean wanted) {
        if (wanted != waitingForWritable && wire.writeInterest(wanted)) {
            waitingForWritable = wanted;
        }
    }

    /** Closes the socket, drops whatever is queued or held and gives its memory back. Idempotent. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        stats.outboxChanged(-outbox.release());
        memory.release(chargedInputBytes);
        chargedInputBytes = 0;
        inbound = null;
        flow.forget(this);
        naming.cancel(this);
        cutCharacters.cancel(this);
        wire.close();
    }
}
