package org.cavechat.bots.swarm;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code summary.json}: every figure of the run and every parameter, for scripts and CI. Latencies are in
 * milliseconds, rates per second, loss as a share (0 to 1).
 */
final class SummaryJson {
    private static final double[] PERCENTILES = {50, 75, 90, 99, 99.9, 99.99};

    private final StringBuilder json = new StringBuilder();
    private int depth = 1;

    private SummaryJson() {
    }

    static String of(SwarmSummary s) {
        SummaryJson w = new SummaryJson();
        SwarmPlan p = s.plan();
        DeliveryTally t = s.tally();
        w.json.append("{\n");
        w.field("verdict", s.verdict().name());
        w.strings("invalidity", s.invalidity());
        w.open("run");
        w.field("startedAt", p.run().startedAt().toString()).field("version", p.run().version());
        w.field("host", p.run().host()).field("jvm", p.run().jvm()).field("commandLine", p.run().commandLine());
        w.field("seed", p.seed());
        w.close();
        w.open("parameters");
        w.field("server", p.server().getHostString() + ":" + p.server().getPort());
        w.field("bots", p.bots()).field("rampPerSecond", p.rampPerSecond()).field("talkerShare", p.talkerShare());
        w.field("rate", p.rate()).field("ratePerBot", p.ratePerBot()).field("messageBytes", p.messageBytes());
        w.field("durationSeconds", p.duration().toNanos() / 1e9).field("warmupSeconds", p.warmup().toNanos() / 1e9);
        w.field("drainSeconds", p.drain().toNanos() / 1e9).field("joinTimeoutSeconds", p.joinTimeout().toNanos() / 1e9);
        w.field("framing", p.framing().name().toLowerCase(Locale.ROOT)).field("seed", p.seed());
        w.field("maxP99Ms", p.maxP99() == null ? null : p.maxP99().toNanos() / 1e6).field("maxLoss", p.maxLoss());
        w.field("selectors", p.selectors()).field("sourceAddresses", p.sourceAddresses());
        w.close();
        w.open("rate");
        w.field("requested", s.requestedRate()).field("achieved", s.achievedRate()).field("kept", s.rateKept());
        w.field("scheduledMeasured", s.scheduledMeasured()).field("sentMeasured", s.sentMeasured());
        w.field("sendLagP99Ms", s.sendLag().getValueAtPercentile(99) / 1000.0);
        w.field("sendLagMaxMs", s.sendLag().getMaxValue() / 1000.0);
        w.close();
        w.open("bots");
        w.field("asked", p.bots()).field("joined", s.joined()).field("failedJoins", s.failedJoins());
        w.field("disconnects", s.disconnects());
        w.open("ends");
        for (Map.Entry<BotEnd, Long> end : s.ends().entrySet()) {
            w.field(end.getKey().name(), end.getValue());
        }
        w.close();
        w.close();
        w.open("delivery");
        w.field("talkers", t.talkers()).field("sent", t.sent()).field("receivers", t.receivers());
        w.field("expected", t.expected()).field("delivered", t.delivered()).field("lost", t.lost());
        w.field("lossyReceivers", t.lossyReceivers()).field("lossRatio", t.lossRatio());
        w.field("duplicated", t.duplicated()).field("reordered", t.reordered());
        w.field("reorderIsLowerBound", t.reorderUncertain()).field("malformed", s.malformed());
        w.field("drained", s.drained());
        w.close();
        w.histogram("latencyMs", s.latency());
        w.histogram("serviceTimeMs", s.service());
        w.field("endNote", s.endNote()).field("elapsedSeconds", s.elapsedSeconds());
        w.field("intervals", s.samples().size());
        w.json.append("  \"thresholds\": [");
        for (int i = 0; i < s.thresholdChecks().size(); i++) {
            ThresholdCheck c = s.thresholdChecks().get(i);
            w.json.append(i == 0 ? "\n" : ",\n").append("    {\"expression\": ").append(quote(c.threshold().expression()))
                    .append(", \"measured\": ").append(literal(c.measured())).append(", \"passed\": ")
                    .append(c.passed()).append('}');
        }
        w.json.append("],\n");
        w.field("passed", s.verdict() == Verdict.PASS);
        w.strings("breaches", s.breaches());
        w.close();
        return w.json.substring(0, w.json.length() - 2) + "\n";
    }

    private void strings(String name, java.util.List<String> values) {
        json.append("  ".repeat(depth)).append(quote(name)).append(": [");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        json.append("],\n");
    }

    private void histogram(String name, Histogram h) {
        open(name);
        field("count", h.getTotalCount()).field("mean", h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0);
        for (double p : PERCENTILES) {
            field("p" + SummaryText.trim(p), h.getValueAtPercentile(p) / 1000.0);
        }
        field("max", h.getMaxValue() / 1000.0);
        close();
    }

    private void open(String name) {
        json.append("  ".repeat(depth)).append(quote(name)).append(": {\n");
        depth++;
    }

    /** Ends the innermost object, taking back the comma after its last member. */
    private void close() {
        json.setLength(json.length() - 2);
        json.append('\n');
        depth--;
        json.append("  ".repeat(depth)).append("},\n");
    }

    private SummaryJson field(String name, Object value) {
        json.append("  ".repeat(depth)).append(quote(name)).append(": ").append(literal(value)).append(",\n");
        return this;
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.6g", d).replaceAll("\\.?0+(e|$)", "$1");
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
