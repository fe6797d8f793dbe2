package org.cavechat.bots.swarm;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The receiving half of a {@link BotLoop}: it runs each member's input through its scanner, checks every
 * payload against the member's ledger and records the latency of each first delivery, from the intended
 * send time and from the actual write. Loop thread only; the recorders may be read from any thread, the
 * measured histograms only after the loop has stopped.
 */
final class Reception implements PayloadScanner.Sink {
    static final long HIGHEST_MICROS = 3_600_000_000L;

    final SingleWriterRecorder latency = new SingleWriterRecorder(HIGHEST_MICROS, 3);
    final SingleWriterRecorder service = new SingleWriterRecorder(HIGHEST_MICROS, 3);
    final Histogram measuredLatency = new Histogram(HIGHEST_MICROS, 3);
    final Histogram measuredService = new Histogram(HIGHEST_MICROS, 3);

    private final SwarmCounters counters;
    private final BatchCounts batch = new BatchCounts();
    private TrafficPlan plan;
    private Bot receiving;
    private long receivedAt;

    Reception(SwarmCounters counters) {
        this.counters = counters;
    }

    void begin(TrafficPlan traffic) {
        plan = traffic;
    }

    /** Checks what one read brought a member, received at {@code now}. */
    void receive(Bot bot, byte[] bytes, int offset, int count, long now) {
        if (count == 0) {
            return;
        }
        bot.remember(bytes, offset, count);
        receiving = bot;
        receivedAt = now;
        bot.scanner.scan(bytes, offset, count, this);
        batch.flushTo(counters);
    }

    @Override
    public void payload(int sender, long seq, long intended, long actual) {
        if (receiving.ledger == null) {
            batch.malformed++;
            return;
        }
        switch (receiving.ledger.accept(sender, seq)) {
            case IN_ORDER, AHEAD -> batch.delivered++;
            case REORDERED -> {
                batch.delivered++;
                batch.reordered++;
            }
            case DUPLICATE -> {
                batch.duplicated++;
                return;
            }
            case UNKNOWN_SENDER -> {
                batch.malformed++;
                return;
            }
        }
        long intendedAt = plan.origin() + intended;
        long latencyMicros = micros(receivedAt - intendedAt);
        long serviceMicros = micros(receivedAt - (plan.origin() + actual));
        latency.recordValue(latencyMicros);
        service.recordValue(serviceMicros);
        if (plan.measured(intendedAt)) {
            measuredLatency.recordValue(latencyMicros);
            measuredService.recordValue(serviceMicros);
        }
    }

    @Override
    public void malformed() {
        batch.malformed++;
    }

    static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    }
}
