package org.cavechat.bots.swarm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.HdrHistogram.Histogram;

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

    final Histogram sendLag = new Histogram(Reception.HIGHEST_MICROS, 3);

    private final SwarmCounters counters;
    private final Failures failures;
    private final byte[] terminator;
    private final int messageBytes;
    private final ByteBuffer out;
    private final PriorityQueue<Bot> due = new PriorityQueue<>(Comparator.comparingLong((Bot bot) -> bot.nextDue));
    private TrafficPlan plan;
    private long localMaxLag;

    Transmitter(SwarmCounters counters, Failures failures, Framing framing, int messageBytes) {
        this.counters = counters;
        this.failures = failures;
        this.terminator = framing.terminator();
        this.messageBytes = messageBytes;
        this.out = ByteBuffer.allocate(Math.max(messageBytes, Payload.MAX_HEADER_BYTES) + terminator.length);
    }

    void begin(TrafficPlan traffic) {
        plan = traffic;
    }

    void schedule(Bot bot) {
        bot.nextDue = plan.intended(bot.phaseNanos, 0);
        due.add(bot);
    }

    /** Milliseconds the selector may sleep before the next message is due: 0 to 100. */
    long waitMillis(long now) {
        Bot next = due.peek();
        if (next == null) {
            return 100;
        }
        long nanos = next.nextDue - now;
        return nanos <= 0 ? 0 : Math.min(100, Math.max(1, nanos / 1_000_000));
    }

    void sendDue(long now) {
        for (Bot bot; (bot = due.peek()) != null && bot.nextDue <= now; ) {
            due.poll();
            talk(bot, now);
        }
    }

    /** Sends what is due for one talker, until its socket pushes back; then it waits for writability. */
    private void talk(Bot bot, long now) {
        while (bot.state == Bot.State.MEMBER && bot.pending == null
                && bot.nextDue <= now && bot.nextDue < plan.sendEnd()) {
            send(bot);
        }
        if (bot.state == Bot.State.MEMBER && bot.pending == null && bot.nextDue < plan.sendEnd()) {
            due.add(bot);
        }
    }

    private void send(Bot bot) {
        long intended = bot.nextDue;
        long actual = System.nanoTime();
        out.clear();
        Payload.encode(out, bot.talker, bot.nextSeq, intended - plan.origin(), actual - plan.origin(), messageBytes);
        out.put(terminator).flip();
        bot.nextSeq++;
        bot.nextDue = plan.intended(bot.phaseNanos, bot.nextSeq);
        counters.scheduledRemaining.decrement();
        if (plan.measured(intended)) {
            long lag = actual - intended;
            sendLag.recordValue(Reception.micros(lag));
            if (lag > localMaxLag) {
                localMaxLag = lag;
                counters.maxSendLagNanos.accumulate(lag);
            }
        }
        try {
            bot.channel.write(out);
        } catch (IOException e) {
            failures.writeFailed(bot, e);
            return;
        }
        if (out.hasRemaining()) {
            bot.pending = ByteBuffer.allocate(out.remaining()).put(out).flip();
            bot.pendingIntended = intended;
            counters.botsWithPendingOutput.increment();
            bot.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else {
            completed(bot, intended);
        }
    }

    /** The bot's socket can take more: finish the half-written message, then catch up on what is due. */
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
        completed(bot, bot.pendingIntended);
        talk(bot, System.nanoTime());
    }

    private void completed(Bot bot, long intended) {
        bot.sent++;
        counters.sent.increment();
        if (plan.measured(intended)) {
            counters.sentMeasured.increment();
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
