package org.cavechat.daemon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Decides when the event loop reads and when it writes, so that no sender can fan out more than the members
 * read (docs/protocol.md, "Flow control and memory"; docs/concurrency.md). Three rules, and an optional fourth:
 * <ul>
 *   <li><b>A turn budget.</b> One loop turn queues at most {@link #TURN_FANOUT_BYTES} of broadcasts for each
 *       member and of answers to single connections (and {@link #TURN_DELIVERIES} deliveries in all) before
 *       every outbox is written. A sender's read is cut at the message that spends the budget; the rest of it
 *       waits in its decoder.</li>
 *   <li><b>Read only those who listen.</b> A connection is not read while its own unwritten output is above
 *       a limit (the high watermark for a member, {@link #NAMING_UNREAD_LIMIT_BYTES} before it has joined): a
 *       member that does not read cannot talk, and a client that sends names without reading the answers gets
 *       no more answers queued. TCP pushes back on it.</li>
 *   <li><b>Stall senders while a member catches up.</b> When a member's outbox passes the high watermark
 *       (a quarter of its budget), nobody is read until it is back under the low watermark (a sixteenth). A
 *       member that takes less than {@link #STALL_PROGRESS_BYTES} from its outbox in a
 *       {@link #STALL_LIMIT_NANOS} window no longer holds the room back until it has come back under the low
 *       watermark; past its budget it is dropped as a slow consumer, as before. A member that reads on, however
 *       slower than the sender, paces the room.</li>
 *   <li><b>A message rate</b> ({@code --max-message-rate}, off by default): a member out of its
 *       {@link MessageAllowance} is not read until it has one again.</li>
 * </ul>
 * Connections that may not be read wait here, in order, with their read interest off, so a level-triggered
 * selector does not spin on them; they are taken up again, oldest first, when their reason is gone.
 * Event-loop thread only.
 */
final class FlowControl {
    /** Per member per turn: a sixteenth of the default outbox budget, so readers that keep up never near it. */
    static final long TURN_FANOUT_BYTES = 64 * 1024;
    /** Per turn across the room: bounds the ring slots a turn can fill in a large room (8 bytes each). */
    static final long TURN_DELIVERIES = 256 * 1024;
    /** How long a member that falls behind may hold the whole room back without reading. */
    static final long STALL_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * What a member over the high watermark must take from its outbox in each {@link #STALL_LIMIT_NANOS} to go on
     * holding the room back: a turn's worth, so a reader that drips a few bytes cannot slow the room to its pace.
     */
    static final long STALL_PROGRESS_BYTES = TURN_FANOUT_BYTES;
    /**
     * A connection that has not joined only receives answers to its own lines; a few unread ones are enough
     * to know it is not reading them.
     */
    static final long NAMING_UNREAD_LIMIT_BYTES = 1024;

    private final long highWatermark;
    private final long lowWatermark;
    private final int maxMessageRate;
    private final List<Connection> toFlush = new ArrayList<>();
    /** Connections whose read interest is off, in the order they were stopped. */
    private final SequencedSet<Connection> paused = new LinkedHashSet<>();
    /** Members over the high watermark that hold the room back now. */
    private final List<Connection> holdingBack = new ArrayList<>();
    private long stallStartedNanos;
    /** When the earliest paused member that ran out of allowance may send again; Long.MAX_VALUE when none. */
    private long nextAllowanceNanos = Long.MAX_VALUE;
    private long turnFanoutBytes;
    private long turnDeliveries;

    FlowControl(long outboxBudgetBytes) {
        this(outboxBudgetBytes, 0);
    }

    /** @param maxMessageRate messages per second one member may send ({@code --max-message-rate}); 0: no limit */
    FlowControl(long outboxBudgetBytes, int maxMessageRate) {
        this.highWatermark = outboxBudgetBytes / 4;
        this.lowWatermark = outboxBudgetBytes / 16;
        this.maxMessageRate = maxMessageRate;
    }

    /** Connections with output queued in this turn; the loop writes them once the turn's reads are done. */
    List<Connection> toFlush() {
        return toFlush;
    }

    void beginTurn() {
        turnFanoutBytes = 0;
        turnDeliveries = 0;
    }

    /**
     * Output was queued: a broadcast of frames of at most {@code frameBytes} bytes to {@code recipients} members, or
     * an answer to one connection (a refusal costs the turn as much as a broadcast of its size, so a crowd of
     * clients sending invalid names cannot make one turn long either).
     */
    void queued(int frameBytes, int recipients) {
        turnFanoutBytes += frameBytes;
        turnDeliveries += recipients;
    }

    boolean turnBudgetLeft() {
        return turnFanoutBytes < TURN_FANOUT_BYTES && turnDeliveries < TURN_DELIVERIES;
    }

    /** True while a member that fell behind holds every sender back. */
    boolean isStalled() {
        return !holdingBack.isEmpty();
    }

    /** True when {@code connection} may be read now (or its waiting input taken up). */
    boolean mayRead(Connection connection) {
        return !isStalled() && turnBudgetLeft() && !isDeaf(connection) && hasAllowance(connection);
    }

    /**
     * A member's message was taken; under {@code --max-message-rate} it spends one of its allowance. False when
     * it has none left: the rest of its input waits until the allowance refills.
     */
    boolean spend(Connection member) {
        if (maxMessageRate == 0) {
            return true;
        }
        long now = System.nanoTime();
        return allowanceOf(member, now).spend(now);
    }

    /** Without a message rate (the default) this reads no clock: it is asked once per read. */
    private boolean hasAllowance(Connection connection) {
        if (maxMessageRate == 0 || !connection.isMember()) {
            return true;
        }
        long now = System.nanoTime();
        return allowanceOf(connection, now).hasMessage(now);
    }

    private MessageAllowance allowanceOf(Connection member, long now) {
        if (member.allowance == null) {
            member.allowance = new MessageAllowance(maxMessageRate, now);
        }
        return member.allowance;
    }

    /** Nanoseconds until a paused member may send again; Long.MAX_VALUE when none waits for its allowance. */
    long nanosToNextAllowance(long now) {
        return nextAllowanceNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, nextAllowanceNanos - now);
    }

    /**
     * True when the output {@code connection} has not read is above what it may leave unread and still talk. For a
     * member that is the high watermark: below it, a member that reads at full speed may still have a burst of
     * someone else's queued, and must be able to talk meanwhile.
     */
    boolean isDeaf(Connection connection) {
        long limit = connection.isMember() ? highWatermark : NAMING_UNREAD_LIMIT_BYTES;
        return connection.queuedHeapBytes() > limit;
    }

    /** Stops reading {@code connection} until {@link #resumeReaders} finds its reason gone. */
    void pause(Connection connection) {
        if (paused.add(connection)) {
            connection.stopReading();
        }
    }

    /**
     * Takes up paused connections, oldest first, while the turn budget lasts: waiting input first, then read
     * interest again. {@code takeBacklog} runs a connection's waiting input through its decoder; it may pause the
     * connection again (to the back of the line) or close it.
     *
     * @return true when input is left waiting that could run now: the loop must not sleep
     */
    boolean resumeReaders(Consumer<Connection> takeBacklog) {
        if (isStalled()) {
            return false;
        }
        List<Connection> notYet = new ArrayList<>(); // Deaf, or out of allowance: they keep their place.
        boolean backlogLeft = false;
        for (int i = paused.size(); i > 0 && !paused.isEmpty(); i--) {
            if (!turnBudgetLeft()) {
                backlogLeft = true;
                break;
            }
            Connection connection = paused.removeFirst();
            if (connection.isClosed()) {
                continue;
            }
            if (isDeaf(connection) || !hasAllowance(connection)) {
                notYet.add(connection);
                continue;
            }
            if (connection.inbound() != null && connection.inbound().hasBacklog()) {
                takeBacklog.accept(connection);
            }
            if (paused.contains(connection)) {
                backlogLeft = true; // Paused again with input left: at the back of the line now.
            } else if (!connection.isClosed()) {
                connection.resumeReading();
            }
        }
        paused.addAll(notYet);
        if (maxMessageRate != 0) {
            nextAllowanceNanos = earliestAllowance(notYet);
        }
        return backlogLeft;
    }

    /** When the first of {@code waiting} that is out of allowance may send again; Long.MAX_VALUE when none is. */
    private static long earliestAllowance(List<Connection> waiting) {
        long now = System.nanoTime();
        long earliest = Long.MAX_VALUE;
        for (Connection member : waiting) {
            if (member.allowance != null && !member.allowance.hasMessage(now)) {
                earliest = Math.min(earliest, now + member.allowance.nanosToNextMessage(now));
            }
        }
        return earliest;
    }

    /** The member's outbox has grown; past the high watermark it holds the room back (once per episode). */
    void outboxGrew(Connection member) {
        if (member.queuedHeapBytes() > highWatermark && member.stall == Connection.Stall.NONE) {
            member.stall = Connection.Stall.HOLDING_BACK;
            holdingBack.add(member);
        }
    }

    /** The connection's outbox has shrunk; under the low watermark it no longer holds anyone back. */
    void outboxShrank(Connection connection) {
        if (connection.stall != Connection.Stall.NONE && connection.queuedHeapBytes() <= lowWatermark) {
            release(connection);
        }
    }

    /**
     * Called once per turn after the writes. Each {@link #STALL_LIMIT_NANOS} of a stall, a member that has taken
     * less than {@link #STALL_PROGRESS_BYTES} of its outbox in that time stops holding the room back (until it is
     * back under the low watermark); one that reads on, however slowly, goes on pacing the senders.
     */
    void endTurn(long now) {
        if (holdingBack.isEmpty()) {
            stallStartedNanos = 0;
            return;
        }
        if (stallStartedNanos == 0) {
            startStallWindow(now);
        } else if (now - stallStartedNanos >= STALL_LIMIT_NANOS) {
            holdingBack.removeIf(member -> {
                boolean stuck = member.heapAtStallWindowStart - member.queuedHeapBytes() < STALL_PROGRESS_BYTES;
                if (stuck) {
                    member.stall = Connection.Stall.SPENT;
                }
                return stuck;
            });
            stallStartedNanos = 0;
            if (!holdingBack.isEmpty()) {
                startStallWindow(now);
            }
        }
    }

    private void startStallWindow(long now) {
        stallStartedNanos = now;
        for (Connection member : holdingBack) {
            member.heapAtStallWindowStart = member.queuedHeapBytes();
        }
    }

    /** Nanoseconds until the current stall ends at the latest; Long.MAX_VALUE when none is running. */
    long nanosToStallEnd(long now) {
        return stallStartedNanos == 0 ? Long.MAX_VALUE : Math.max(0, stallStartedNanos + STALL_LIMIT_NANOS - now);
    }

    /** The connection is closed: it holds nothing back and waits for nothing. */
    void forget(Connection connection) {
        release(connection);
        paused.remove(connection);
    }

    private void release(Connection connection) {
        if (connection.stall == Connection.Stall.HOLDING_BACK) {
            holdingBack.remove(connection);
        }
        connection.stall = Connection.Stall.NONE;
    }
}
