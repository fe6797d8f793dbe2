package org.cavechat.bots.swarm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The summary a person reads on stdout at the end of a run. */
final class SummaryText {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    private SummaryText() {
    }

    static String of(SwarmSummary s) {
        SwarmPlan p = s.plan();
        DeliveryTally t = s.tally();
        StringBuilder b = new StringBuilder();
        line(b, "CaveChat swarm against %s:%d, %s framing, seed %d", p.server().getHostString(),
                p.server().getPort(), p.framing().name().toLowerCase(Locale.ROOT), p.seed());
        line(b, "%s", verdictLine(s));
        line(b, "%s", p.run().line());
        line(b, "bots      %d asked, %d joined, %d could not join, %d disconnected during the run",
                p.bots(), s.joined(), s.failedJoins(), s.disconnects());
        for (Map.Entry<BotEnd, Long> end : s.ends().entrySet()) {
            if (end.getValue() > 0) {
                line(b, "          %d %s", end.getValue(), end.getKey().text());
            }
        }
        line(b, "talkers   %d (%.1f%% of the members), %d-byte messages", t.talkers(),
                100.0 * t.talkers() / Math.max(1, s.joined()), p.messageBytes());
        line(b, "rate      requested %s, achieved %s over %s measured (+%s warm-up); send lag p99 %s, max %s",
                Format.rate(s.requestedRate()), Format.rate(s.achievedRate()), Format.duration(p.duration()),
                Format.duration(p.warmup()),
                Format.millis(s.sendLag().getValueAtPercentile(99) / 1000.0), Format.millis(s.sendLag().getMaxValue() / 1000.0));
        if (!s.rateKept()) {
            line(b, "          THE GENERATOR FELL BEHIND ITS SCHEDULE (%d of %d measured messages sent, send lag p99"
                    + " %s, tolerance %s): the load was not offered on time. Latencies still count from the"
                    + " intended send times.", s.sentMeasured(), s.scheduledMeasured(),
                    Format.millis(s.sendLag().getValueAtPercentile(99) / 1000.0),
                    Format.millis(s.lagToleranceMicros() / 1000.0));
        }
        line(b, "delivery  whole run, warm-up included (the latency figures are the measured window only):");
        line(b, "          %d messages sent, %d receivers, %d deliveries expected, %d delivered",
                t.sent(), t.receivers(), t.expected(), t.delivered());
        line(b, "          lost %d%s (%s, at %d receivers), duplicated %d, reordered %d%s, malformed %d; %s",
                t.lost(), t.reorderUncertain() ? " (at most)" : "", Format.percent(t.lossRatio()), t.lossyReceivers(),
                t.duplicated(),
                t.reordered(), t.reorderUncertain() ? " (at least)" : "", s.malformed(),
                s.drained() ? "everything arrived before the drain ended" : "the drain period ran out");
        b.append("latency   from the intended send time, ").append(s.latency().getTotalCount()).append(" deliveries:");
        percentiles(b, s.latency());
        b.append("service   from the actual write:");
        percentiles(b, s.service());
        for (ThresholdCheck check : s.thresholdChecks()) {
            line(b, "threshold %s", check.line());
        }
        if (s.endNote() != null) {
            line(b, "ended early: %s", s.endNote());
        }
        line(b, "%s", verdictLine(s));
        return b.toString();
    }

    /** The verdict and its reasons on one line: at the top of the summary and again as its last line. */
    static String verdictLine(SwarmSummary s) {
        List<String> breaches = s.breaches();
        return switch (s.verdict()) {
            case PASS -> "PASS";
            case FAIL -> "FAIL: " + String.join("; ", breaches);
            case INVALID -> "INVALID: the load was not offered as asked (" + String.join("; ", s.invalidity())
                    + "), so these figures neither pass nor fail the server"
                    + (breaches.isEmpty() ? "" : "; breaches as measured: " + String.join("; ", breaches));
        };
    }

    private static void percentiles(StringBuilder b, org.HdrHistogram.Histogram h) {
        for (double p : PERCENTILES) {
            b.append(String.format(Locale.ROOT, " p%s %s", trim(p), Format.millis(h.getValueAtPercentile(p) / 1000.0)));
        }
        b.append(String.format(Locale.ROOT, " max %s%n", Format.millis(h.getMaxValue() / 1000.0)));
    }

    static String trim(double percentile) {
        return percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile);
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }
}
