package org.cavechat.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A room of members whose sockets are in memory: the seam through which a benchmark measures what one
 * broadcast costs the daemon itself, without the kernel. Member {@code i} is named {@code m<i>} and joined
 * the way a client joins; {@link #broadcast} then runs the event loop's own path, with the daemon's own
 * {@code Room}, {@code Connection} and {@code Outbox}: the text is encoded once per framing, the shared bytes
 * are queued in every member's outbox, and every connection with output is flushed once (copied into a
 * 256 KiB direct buffer, like the loop's, and written to a {@link DiscardingWire}). Budgets are unlimited and
 * there are no deadlines, so nobody is ever dropped. One thread, the caller's; nothing is shared between rooms.
 */
public final class InMemoryRoom {
    private static final int SCRATCH_BYTES = 256 * 1024;
    private static final long OUTBOX_BYTES = 1 << 20;
    private static final int MAX_LINE_BYTES = 4096;

    private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
    private final FlowControl flow = new FlowControl(OUTBOX_BYTES);
    private final DaemonStats stats = new DaemonStats();
    private final Room room = new Room(stats, flow, new ConnectionLog(Log.silent()), scratch);
    private final List<DiscardingWire> wires = new ArrayList<>();
    private final Connection sender;

    private InMemoryRoom(int members, Framing framing) {
        MemoryBudget memory = new MemoryBudget(Long.MAX_VALUE, stats);
        Deadlines none = new Deadlines(Long.MAX_VALUE);
        Connection first = null;
        for (int i = 0; i < members; i++) {
            DiscardingWire wire = new DiscardingWire();
            wires.add(wire);
            Connection connection = new Connection(i, wire, "in-memory", new Outbox(OUTBOX_BYTES, memory), stats,
                    flow, memory, none, none);
            connection.decideFraming(framing, MAX_LINE_BYTES);
            room.onText(connection, "m" + i);
            flushAll();
            if (first == null) {
                first = connection;
            }
        }
        sender = first;
    }

    /**
     * A room of {@code members} members, all of one framing.
     *
     * @param framing {@code LINE} or {@code LEGACY} (docs/protocol.md, "Two framings, one room")
     * @throws IllegalArgumentException for fewer than one member or another framing
     */
    public static InMemoryRoom of(int members, String framing) {
        if (members < 1) {
            throw new IllegalArgumentException("a room needs at least one member, not " + members);
        }
        return switch (framing) {
            case "LINE" -> new InMemoryRoom(members, Framing.LINE);
            case "LEGACY" -> new InMemoryRoom(members, Framing.LEGACY);
            default -> throw new IllegalArgumentException("framing must be LINE or LEGACY, not " + framing);
        };
    }

    /**
     * Member {@code m0} says {@code text}; the room broadcasts it and every member is flushed.
     *
     * @return the bytes written to all members together, as the daemon counts them
     */
    public long broadcast(String text) {
        long before = stats.bytesOut();
        room.onText(sender, text);
        flushAll();
        return stats.bytesOut() - before;
    }

    /** Every byte written to member {@code member} since it connected, its welcome included. */
    public long bytesReceivedBy(int member) {
        return wires.get(member).bytesTaken();
    }

    /** What the event loop does after a batch of reads: one flush per connection with output. */
    private void flushAll() {
        List<Connection> toFlush = flow.toFlush();
        try {
            for (Connection connection : toFlush) {
                connection.flush(scratch);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException("a discarding wire never fails", impossible);
        }
        toFlush.clear();
    }
}
