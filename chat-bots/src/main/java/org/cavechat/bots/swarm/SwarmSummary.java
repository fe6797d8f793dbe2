package org.cavechat.bots.swarm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * All figures of one finished run: what was asked, what the generator managed, what arrived and how fast,
 * and whether the run passed. Built once by {@link Swarm}; the text, JSON and HTML reports only read it.
 *
 * @param plan              the run's parameters
 * @param requestedRate     messages per second asked for, all talkers together
 * @param scheduledMeasured messages meant to leave in the measured window
 * @param sentMeasured      of those, how many were completely written
 * @param achievedRate      sentMeasured over the time it took to send them (at least the window)
 * @param sendLag           how late sends of the measured window left, microseconds
 * @param joined            bots that became members
 * @param ends              failed joins and disconnects, by reason
 * @param tally             delivery verification
 * @param malformed         received payloads that did not parse or named an unknown talker
 * @param latency           measured window, from the intended send time to receipt, microseconds
 * @param service           measured window, from the actual write to receipt, microseconds
 * @param samples           one per second of the run
 * @param drained           whether every member had everything before the drain period ran out
 * @param endNote           why the run ended early, or null
 * @param elapsedSeconds    wall time of the whole run
 */
record SwarmSummary(SwarmPlan plan, double requestedRate, long scheduledMeasured, long sentMeasured,
        double achievedRate, Histogram sendLag, long joined, Map<BotEnd, Long> ends, DeliveryTally tally,
        long malformed, Histogram latency, Histogram service, List<IntervalSample> samples, boolean drained,
        String endNote, double elapsedSeconds) {


    static SwarmSummary of(SwarmPlan plan, TrafficPlan traffic, long scheduledMeasured, SwarmCounters counters,
            List<BotLoop> loops, Bot[] bots, List<IntervalSample> samples, boolean drained, String endNote,
            double elapsedSeconds) {
        Histogram latency = new Histogram(BotLoop.HIGHEST_MICROS, 3);
        Histogram service = new Histogram(BotLoop.HIGHEST_MICROS, 3);
        Histogram lag = new Histogram(BotLoop.HIGHEST_MICROS, 3);
        for (BotLoop loop : loops) {
            latency.add(loop.reception.measuredLatency);
            service.add(loop.reception.measuredService);
            lag.add(loop.transmitter.sendLag);
        }
        Map<BotEnd, Long> ends = new EnumMap<>(BotEnd.class);
        for (BotEnd end : BotEnd.values()) {
            ends.put(end, counters.ends(end));
        }
        long sentMeasured = counters.sentMeasured.sum();
        double window = (traffic.sendEnd() - traffic.measureStart()) / 1e9;
        double sending = Math.max(window, (counters.lastMeasuredSendNanos.get() - traffic.measureStart()) / 1e9);
        return new SwarmSummary(plan, plan.aggregateRate(traffic.talkers()), scheduledMeasured, sentMeasured,
                sending <= 0 ? 0 : sentMeasured / sending, lag, counters.joined.sum(), ends,
                DeliveryTally.of(bots, traffic.talkers()), counters.malformed.sum(), latency, service, samples,
                drained, endNote, elapsedSeconds);
    }

    /** Whether the generator sent every measured message and on time; if not, the offered load was lower. */
    boolean rateKept() {
        return sentMeasured >= scheduledMeasured && sendLag.getValueAtPercentile(99) <= lagToleranceMicros();
    }

    long failedJoins() {
        return ends.entrySet().stream().filter(e -> e.getKey().beforeJoin()).mapToLong(Map.Entry::getValue).sum();
    }

    long disconnects() {
        return ends.entrySet().stream().filter(e -> !e.getKey().beforeJoin()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Latency at a percentile of the measured window, milliseconds. */
    double latencyMs(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
    }

    /** INVALID when the load was not offered, else FAIL on any breach, else PASS. */
    Verdict verdict() {
        return !invalidity().isEmpty() ? Verdict.INVALID : breaches().isEmpty() ? Verdict.PASS : Verdict.FAIL;
    }

    /**
     * A send lag beyond {@code --max-send-lag} at the 99th percentile means the generator fell behind its
     * schedule (too little CPU, a stalled selector, a full socket). Latency still counts from the intended send
     * time, so the lag shows in the figures, but the server was offered less than the named load.
     */
    long lagToleranceMicros() {
        return plan.maxSendLag().toNanos() / 1000;
    }

    /**
     * Why the load was not offered as asked, one sentence each; empty when it was. Messages left unsent
     * because members were disconnected are the server's doing, a FAIL, not a sign of a weak generator.
     */
    List<String> invalidity() {
        List<String> reasons = new ArrayList<>();
        if (sentMeasured < scheduledMeasured && disconnects() == 0 && endNote == null) {
            reasons.add("the generator sent " + sentMeasured + " of " + scheduledMeasured + " measured messages");
        }
        if (sendLag.getValueAtPercentile(99) > lagToleranceMicros()) {
            reasons.add("send lag p99 " + Format.millis(sendLag.getValueAtPercentile(99) / 1000.0)
                    + " is beyond --max-send-lag " + Format.millis(lagToleranceMicros() / 1000.0));
        }
        if (failedJoins() > 0) {
            reasons.add(failedJoins() + " of " + plan.bots() + " bots could not join");
        }
        return reasons;
    }

    /** Every threshold held against this run's figures, in the order they were given. */
    List<ThresholdCheck> thresholdChecks() {
        return plan.allThresholds().stream().map(t -> t.check(this)).toList();
    }

    /** Why the server failed the run, one sentence each; empty when it passed. */
    List<String> breaches() {
        List<String> breaches = new ArrayList<>();
        if (disconnects() > 0) {
            breaches.add(disconnects() + " members were disconnected during the run");
        }
        for (ThresholdCheck check : thresholdChecks()) {
            if (!check.passed()) {
                breaches.add(check.breach());
            }
        }
        return breaches;
    }
}
