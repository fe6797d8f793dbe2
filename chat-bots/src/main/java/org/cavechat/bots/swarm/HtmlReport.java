package org.cavechat.bots.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the
 * verdict, the figures, throughput and latency over time, the latency percentile spectrum and the run's
 * parameters, so a teacher can open it from a USB stick.
 */
final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:920px;color:#222}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:26px 0 6px}
            .pass{background:#e3f4e1;border-left:6px solid #2e7d32;padding:8px 12px}
            .fail{background:#fbe4e4;border-left:6px solid #c62828;padding:8px 12px}
            .invalid{background:#ececec;border-left:6px solid #424242;padding:8px 12px}
            .warn{background:#fff4d6;border-left:6px solid #b7860b;padding:8px 12px;margin-top:8px}
            table{border-collapse:collapse;margin:4px 0}td,th{padding:3px 12px 3px 0;text-align:left;vertical-align:top}
            th{font-weight:600;color:#555}td.n{text-align:right;font-variant-numeric:tabular-nums}
            svg{display:block;margin:6px 0}.title{font-weight:600;font-size:14px}
            .grid{stroke:#e3e3e3}.tick{font-size:11px;fill:#555}.axis{font-size:12px;fill:#333}
            """;
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    private HtmlReport() {
    }

    static String of(SwarmSummary s) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>CaveChat swarm report</title><style>").append(CSS).append("</style></head><body>\n");
        SwarmPlan p = s.plan();
        b.append("<h1>CaveChat swarm report</h1>\n<p>").append(p.bots()).append(" bots against ")
                .append(SvgChart.escape(p.server().getHostString() + ":" + p.server().getPort())).append(", ")
                .append(p.framing().name().toLowerCase(Locale.ROOT)).append(" framing.</p>\n");
        verdict(b, s);
        figures(b, s);
        List<IntervalSample> samples = s.samples().stream().filter(IntervalSample::showsRates).toList();
        b.append("<h2>Throughput over time</h2>\n");
        b.append(new SvgChart("Messages sent per second", "seconds since start", "messages/s")
                .series("sent", "#1565c0", at(samples), series(samples, IntervalSample::sentPerSecond))
                .series("requested", "#9e9e9e", at(samples), constant(samples, s.requestedRate()))
                .svg());
        b.append(new SvgChart("Deliveries per second (every member receives every message)", "seconds since start",
                "deliveries/s")
                .series("delivered", "#2e7d32", at(samples), series(samples, IntervalSample::deliveredPerSecond))
                .svg());
        b.append(new SvgChart("Members (bots joined and connected)", "seconds since start", "members")
                .series("members", "#6a1b9a", at(samples), series(samples, IntervalSample::members))
                .svg());
        List<IntervalSample> measured = samples.stream().filter(x -> x.latencies() > 0).toList();
        b.append("<h2>Latency over time</h2>\n<p>Per second, from each message's intended send time "
                + "(so a stalled sender cannot hide its stall). Warm-up seconds are included here, not in the figures.</p>\n");
        b.append(new SvgChart("Latency per second (ms)", "seconds since start", "ms")
                .series("p50", "#2e7d32", at(measured), series(measured, IntervalSample::p50Ms))
                .series("p99", "#ef6c00", at(measured), series(measured, IntervalSample::p99Ms))
                .series("max", "#c62828", at(measured), series(measured, IntervalSample::maxMs))
                .svg());
        b.append("<h2>Latency percentile spectrum</h2>\n<p>Measured window only. The x axis counts nines: "
                + "1 is the 90th percentile, 2 the 99th, 3 the 99.9th.</p>\n");
        SvgChart spectrum = new SvgChart("Latency by percentile (ms)", "percentile", "ms")
                .xTicks(new double[] {0, 1, 2, 3, 4, 5}, HtmlReport::percentileLabel);
        addSpectrum(spectrum, "latency", "#ef6c00", s.latency());
        addSpectrum(spectrum, "service time", "#1565c0", s.service());
        b.append(spectrum.svg());
        parameters(b, p);
        return b.append("</body></html>\n").toString();
    }

    private static void verdict(StringBuilder b, SwarmSummary s) {
        String line = SummaryText.verdictLine(s);
        String name = s.verdict().name();
        b.append("<div class=\"").append(name.toLowerCase(Locale.ROOT)).append("\"><b>").append(name).append("</b>")
                .append(SvgChart.escape(line.substring(name.length()))).append("</div>\n");
        if (!s.rateKept()) {
            b.append("<div class=\"warn\">The generator fell behind its schedule (").append(s.sentMeasured())
                    .append(" of ").append(s.scheduledMeasured()).append(" measured messages sent; send lag p99 ")
                    .append(Format.millis(s.sendLag().getValueAtPercentile(99) / 1000.0))
                    .append(", tolerance ").append(Format.millis(s.lagToleranceMicros() / 1000.0))
                    .append("): the load was not offered on time. Latencies still count from the intended send times.</div>\n");
        }
        if (s.endNote() != null) {
            b.append("<div class=\"warn\">Ended early: ").append(SvgChart.escape(s.endNote())).append("</div>\n");
        }
    }

    private static void figures(StringBuilder b, SwarmSummary s) {
        DeliveryTally t = s.tally();
        b.append("<h2>Figures</h2>\n<table>\n");
        row(b, "bots joined", s.joined() + " of " + s.plan().bots());
        for (Map.Entry<BotEnd, Long> end : s.ends().entrySet()) {
            if (end.getValue() > 0) {
                row(b, end.getKey().beforeJoin() ? "failed join" : "disconnected", end.getValue() + " " + end.getKey().text());
            }
        }
        row(b, "talkers", String.valueOf(t.talkers()));
        row(b, "rate", "requested " + Format.rate(s.requestedRate()) + ", achieved " + Format.rate(s.achievedRate()));
        row(b, "send lag", "p99 " + Format.millis(s.sendLag().getValueAtPercentile(99) / 1000.0)
                + ", max " + Format.millis(s.sendLag().getMaxValue() / 1000.0));
        row(b, "messages sent", String.valueOf(t.sent()));
        row(b, "deliveries", t.delivered() + " of " + t.expected() + " expected (" + t.receivers() + " receivers)");
        row(b, "lost", t.lost() + " (" + Format.percent(t.lossRatio()) + ", at " + t.lossyReceivers() + " receivers)");
        row(b, "duplicated / reordered / malformed", t.duplicated() + " / " + t.reordered()
                + (t.reorderUncertain() ? " (at least)" : "") + " / " + s.malformed());
        row(b, "drain", s.drained() ? "everything arrived" : "ran out before everything arrived");
        for (double p : PERCENTILES) {
            row(b, "latency p" + SummaryText.trim(p), Format.millis(s.latency().getValueAtPercentile(p) / 1000.0)
                    + " (service " + Format.millis(s.service().getValueAtPercentile(p) / 1000.0) + ")");
        }
        row(b, "latency max", Format.millis(s.latency().getMaxValue() / 1000.0));
        for (ThresholdCheck check : s.thresholdChecks()) {
            row(b, "threshold", check.line());
        }
        b.append("</table>\n");
    }

    private static void parameters(StringBuilder b, SwarmPlan p) {
        b.append("<h2>Parameters</h2>\n<table>\n");
        row(b, "started", p.run().startedAt().toString());
        row(b, "chat-bots / host / JVM", p.run().version() + " / " + p.run().host() + " / " + p.run().jvm());
        row(b, "command", p.run().commandLine());
        row(b, "server", p.server().getHostString() + ":" + p.server().getPort());
        row(b, "bots / ramp", p.bots() + " bots, " + Format.rate(p.rampPerSecond()) + " connections");
        row(b, "talkers", Format.number(p.talkerShare()) + " of the members");
        row(b, "rate", Format.rate(p.rate()) + (p.ratePerBot() ? " per talker" : " in all"));
        row(b, "message size", p.messageBytes() + " bytes");
        row(b, "warm-up / duration / drain", Format.duration(p.warmup()) + " / " + Format.duration(p.duration())
                + " / " + Format.duration(p.drain()));
        row(b, "framing / seed", p.framing().name().toLowerCase(Locale.ROOT) + " / " + p.seed());
        row(b, "thresholds", p.allThresholds().isEmpty() ? "none"
                : String.join(", ", p.allThresholds().stream().map(Threshold::expression).toList()));
        row(b, "selectors / source addresses", p.selectors() + " / " + p.sourceAddresses());
        b.append("</table>\n");
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><th>").append(SvgChart.escape(name)).append("</th><td>").append(SvgChart.escape(value))
                .append("</td></tr>\n");
    }

    private static void addSpectrum(SvgChart chart, String name, String color, Histogram h) {
        List<double[]> points = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue v : h.percentiles(5)) {
                double level = v.getPercentileLevelIteratedTo();
                if (level >= 100) {
                    break;
                }
                points.add(new double[] {Math.min(5, Math.log10(100 / (100 - level))), v.getValueIteratedTo() / 1000.0});
            }
            points.add(new double[] {5, h.getMaxValue() / 1000.0});
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        chart.series(name, color, xs, ys);
    }

    private static String percentileLabel(double nines) {
        return nines == 0 ? "0%" : SummaryText.trim(100 - 100 / Math.pow(10, nines)) + "%";
    }

    private static double[] at(List<IntervalSample> samples) {
        return samples.stream().mapToDouble(IntervalSample::atSeconds).toArray();
    }

    private static double[] series(List<IntervalSample> samples, ToDoubleFunction<IntervalSample> f) {
        return samples.stream().mapToDouble(f).toArray();
    }

    private static double[] constant(List<IntervalSample> samples, double value) {
        return samples.stream().mapToDouble(x -> value).toArray();
    }
}
