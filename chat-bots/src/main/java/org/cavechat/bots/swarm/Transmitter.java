package org.cavechat.bots.swarm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.HdrHistogram.Histogram;
import org.cavechat.bots.Framing;

/**
 * The sending half of a {@link BotLoop}: it keeps the loop's talkers ordered by when their next message
 * is due and writes each message when its time has come. Open loop: a talker whose socket pushes back
 * waits for writability, and its later messages keep their intended times, so the delay shows up as
 * latency instead of disappearing (coordinated omission). Loop thread only; {@link #sendLag} is read
 * after the loop has stopped.
 */
final class Transmitter {

    /** What the transmitter needs from its loop when a write fails. */
    interface Failures {
        void writeFailed(Bot bot, IOException e);
    }

    /** At most this much leaves in one write: a few hundred messages, well within a socket's buffer. */
    private static final int BATCH_BYTES = 32 * 1024;
    /**
     * A talker due at least every {@code BATCH_WINDOW / 16} waits until its oldest due message is this old and
     * sends all that are due in one write. At such rates a write per message costs the generator and the server
     * a system call (a loopback send runs the receiver's TCP path too) for every message, which caps the rate
     * long before the server's fan-out does; the wait, at most this window, counts as latency like any other.
     * Slower talkers send each message when it is due.
     */
    private static final long BATCH_WINDOW_NANOS = 1_000_000L;
    /**
     * Below this aggregate rate the {@link SendClock} wakes the loop for each send. Above it the loop is rarely
     * idle for long, a millisecond late is noise against the latencies such loads produce, and a wakeup per
     * message cost the saturated machine measurably (p99 50 -> 71 ms at 6,000 msg/s to 1,000 members).
     */
    private static final double CLOCKED_BELOW_PER_SECOND = 1000;
    /**
     * Below that rate the clock wakes the loop this long before a message is due, and the loop polls its
     * selector without sleeping until the due time. Parked to the due time itself, a message left some 0.15 ms
     * late (timer slack, then a cross-core wakeup), a third of the latency measured at 100 messages per second
     * to 10 members. The price is at most this much polling per message: under 2% of a core at 100 messages per second.
     */
    static final long SPIN_LEAD_NANOS = 200_000L;

    final Histogram sendLag = new Histogram(Reception.HIGHEST_MICROS, 3);

    private final SwarmCounters counters;
    private final Failures failures;
    private final byte[] terminator;
    private final int messageBytes;
    /** Room one message needs in {@link #out}; a batch stops when less is left. */
    private final int messageRoom;
    /** Legacy messages have no delimiter, so each needs a write of its own (and even then may coalesce). */
    private final int messagesPerWrite;
    private final ByteBuffer out;
    private final PriorityQueue<Bot> due = new PriorityQueue<>(Comparator.comparingLong((Bot bot) -> bot.nextDue));
    private TrafficPlan plan;
    private long windowNanos;
    private boolean clocked;
    private long localMaxLag;

    Transmitter(SwarmCounters counters, Failures failures, Framing framing, int messageBytes) {
        this.counters = counters;
        this.failures = failures;
        this.terminator = framing.terminator();
        this.messageBytes = messageBytes;
        this.messageRoom = Math.max(messageBytes, Payload.MAX_HEADER_BYTES) + terminator.length;
        this.messagesPerWrite = framing == Framing.LINE ? Integer.MAX_VALUE : 1;
        this.out = ByteBuffer.allocate(framing == Framing.LINE ? Math.max(BATCH_BYTES, messageRoom) : messageRoom);
    }

    void begin(TrafficPlan traffic) {
        plan = traffic;
        boolean fast = messagesPerWrite > 1 && traffic.intervalNanos() * 16 <= BATCH_WINDOW_NANOS;
        windowNanos = fast ? BATCH_WINDOW_NANOS : 0;
        clocked = traffic.talkers() * 1e9 / traffic.intervalNanos() < CLOCKED_BELOW_PER_SECOND;
    }

    void schedule(Bot bot) {
        bot.nextDue = plan.intended(bot.phaseNanos, 0);
        due.add(bot);
    }

    /**
     * Milliseconds the selector may sleep before the next message is due: 0 to 100. Zero means poll without
     * sleeping: a message is due, or (clocked) due within {@link #SPIN_LEAD_NANOS}.
     */
    long waitMillis(long now) {
        Bot next = due.peek();
        if (next == null) {
            return 100;
        }
        long nanos = sendsAt(next) - now;
        if (nanos <= 0 || clocked && nanos <= SPIN_LEAD_NANOS) {
            return 0;
        }
        return Math.min(100, Math.max(1, nanos / 1_000_000));
    }

    /**
     * When the {@link SendClock} should wake the loop ({@link System#nanoTime()}): {@link #SPIN_LEAD_NANOS}
     * before the next message is due; MAX_VALUE for never.
     */
    long nextSendNanos() {
        Bot next = due.peek();
        return next == null || !clocked ? Long.MAX_VALUE : sendsAt(next) - SPIN_LEAD_NANOS;
    }

    /** When a talker's next write is to happen: its next message's due time, plus the batch window if any. */
    private long sendsAt(Bot bot) {
        return bot.nextDue + windowNanos;
    }

    void sendDue(long now) {
        for (Bot bot; (bot = due.peek()) != null && sendsAt(bot) <= now; ) {
            due.poll();
            talk(bot, now);
        }
    }

    /**
     * Sends what is due for one talker, until its socket pushes back; then it waits for writability. Messages
     * that are due together (a fast rate, or a talker that was held up) leave in one write, each with its own
     * intended time: one system call per message would cap a talker near the rate of system calls.
     */
    private void talk(Bot bot, long now) {
        while (bot.state == Bot.State.MEMBER && bot.pending == null
                && bot.nextDue <= now && bot.nextDue < plan.sendEnd()) {
            sendBatch(bot, now);
        }
        if (bot.state == Bot.State.MEMBER && bot.pending == null && bot.nextDue < plan.sendEnd()) {
            due.add(bot);
        }
    }

    private void sendBatch(Bot bot, long now) {
        long actual = System.nanoTime();
        out.clear();
        int messages = 0;
        int measured = 0;
        while (messages < messagesPerWrite && bot.nextDue <= now && bot.nextDue < plan.sendEnd()
                && out.remaining() >= messageRoom) {
            long intended = bot.nextDue;
            Payload.encode(out, bot.talker, bot.nextSeq, intended - plan.origin(), actual - plan.origin(),
                    messageBytes);
            out.put(terminator);
            bot.nextSeq++;
            bot.nextDue = plan.intended(bot.phaseNanos, bot.nextSeq);
            messages++;
            if (plan.measured(intended)) {
                measured++;
                recordLag(actual - intended);
            }
        }
        counters.scheduledRemaining.add(-messages);
        out.flip();
        try {
            bot.channel.write(out);
        } catch (IOException e) {
            failures.writeFailed(bot, e);
            return;
        }
        if (out.hasRemaining()) {
            bot.pending = ByteBuffer.allocate(out.remaining()).put(out).flip();
            bot.pendingMessages = messages;
            bot.pendingMeasured = measured;
            counters.botsWithPendingOutput.increment();
            bot.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else {
            completed(bot, messages, measured);
        }
    }

    private void recordLag(long lag) {
        sendLag.recordValue(Reception.micros(lag));
        if (lag > localMaxLag) {
            localMaxLag = lag;
            counters.maxSendLagNanos.accumulate(lag);
        }
    }

    /** The bot's socket can take more: finish the half-written messages, then catch up on what is due. */
    void flush(Bot bot) {
        if (bot.pending == null) {
            bot.key.interestOps(SelectionKey.OP_READ);
            return;
        }
        try {
            bot.channel.write(bot.pending);
        } catch (IOException e) {
            failures.writeFailed(bot, e);
            return;
        }
        if (bot.pending.hasRemaining()) {
            return;
        }
        bot.pending = null;
        counters.botsWithPendingOutput.decrement();
        bot.key.interestOps(SelectionKey.OP_READ);
        completed(bot, bot.pendingMessages, bot.pendingMeasured);
        talk(bot, System.nanoTime());
    }

    /** {@code messages} were completely written, {@code measured} of them meant for the measured window. */
    private void completed(Bot bot, int messages, int measured) {
        bot.sent += messages;
        counters.sent.add(messages);
        if (measured > 0) {
            counters.sentMeasured.add(measured);
            counters.lastMeasuredSendNanos.accumulate(System.nanoTime());
        }
    }

    /** The bot has ended: it sends nothing more, and what it was still meant to send is no longer awaited. */
    void forget(Bot bot) {
        if (bot.talker < 0 || plan == null) {
            return;
        }
        due.remove(bot);
        counters.scheduledRemaining.add(bot.nextSeq - plan.scheduledTotal(bot.phaseNanos));
        if (bot.pending != null) {
            bot.pending = null;
            counters.botsWithPendingOutput.decrement();
        }
    }
}
