package org.cavechat.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * One client socket: its framing, what it has sent that is not yet a message, what is queued for it, and
 * where it stands (naming, member, closed). Owned by the event-loop thread; nothing here is shared.
 */
final class Connection {
    enum State { NAMING, MEMBER, CLOSED }

    final long id;
    final String remote;
    final long acceptedAtNanos;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final Outbox outbox;
    private final DaemonStats stats;
    /** The loop's list of connections with output to write after the current batch of reads. */
    private final List<Connection> toFlush;

    private Framing framing;
    private Inbound inbound;
    private State state = State.NAMING;
    private String name;
    private boolean queuedForFlush;
    private boolean waitingForWritable;
    /** Set once the last item is queued: when the outbox is empty, the output side is shut. */
    private boolean finishing;
    /** Counted for {@link ConnectionLog}, which logs the first of each and the totals at the join and the end. */
    int namesRefused;
    int linesDropped;

    Connection(long id, SocketChannel channel, SelectionKey key, String remote, long acceptedAtNanos,
            Outbox outbox, DaemonStats stats, List<Connection> toFlush) {
        this.id = id;
        this.channel = channel;
        this.key = key;
        this.remote = remote;
        this.acceptedAtNanos = acceptedAtNanos;
        this.outbox = outbox;
        this.stats = stats;
        this.toFlush = toFlush;
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
    }

    boolean isFinishing() {
        return finishing;
    }

    /** Reads at most {@code limit} bytes into {@code buffer} (cleared first); -1 at end of stream. */
    int read(ByteBuffer buffer, int limit) throws IOException {
        buffer.clear().limit(limit);
        int count = channel.read(buffer);
        if (count > 0) {
            stats.read(count);
        }
        return count;
    }

    /**
     * Queues {@code frame} within the budget; false means this reader has fallen too far behind. The caller
     * accounts the bytes in {@link DaemonStats#outboxChanged}: a broadcast does it once, not per member.
     */
    boolean enqueue(byte[] frame) {
        if (finishing) {
            return true; // Nothing may follow a goodbye; the connection is about to close anyway.
        }
        if (!outbox.offer(frame)) {
            return false;
        }
        scheduleFlush();
        return true;
    }

    /**
     * Queues the connection's last item, whatever the budget, and shuts its output once that is written.
     * Further items are ignored: nothing may follow a goodbye.
     */
    void finishWith(byte[] frame) {
        if (finishing || isClosed()) {
            return;
        }
        outbox.append(frame);
        stats.outboxChanged(frame.length);
        scheduleFlush();
        finishing = true;
    }

    private void scheduleFlush() {
        if (!queuedForFlush && !waitingForWritable) {
            queuedForFlush = true;
            toFlush.add(this);
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
        while (!outbox.isEmpty()) {
            scratch.clear();
            int copied = outbox.copyInto(scratch, framesPerWrite);
            scratch.flip();
            int written = channel.write(scratch);
            outbox.consume(written);
            stats.outboxChanged(-written);
            stats.wrote(written);
            if (written < copied) {
                awaitWritable(true);
                return false;
            }
        }
        awaitWritable(false);
        if (finishing) {
            channel.shutdownOutput();
        }
        return true;
    }

    boolean hasPendingOutput() {
        return !outbox.isEmpty();
    }

    private void awaitWritable(boolean wanted) {
        if (wanted != waitingForWritable && key.isValid()) {
            waitingForWritable = wanted;
            key.interestOps(wanted ? key.interestOps() | SelectionKey.OP_WRITE
                    : key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    /** Closes the socket and drops whatever is still queued. Idempotent. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        stats.outboxChanged(-outbox.clear());
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket that already failed can fail again; there is nothing left to release.
        }
    }
}
