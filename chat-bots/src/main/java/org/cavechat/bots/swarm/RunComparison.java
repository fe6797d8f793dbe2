package org.cavechat.bots.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Run B set against run A: a table of their figures with the change, and the regressions of B. A regression is
 * what a performance engineer would not let pass unremarked: a p99 more than 10% and more than 1 ms worse (both,
 * so that neither noise on a sub-millisecond p99 nor a small drift on a large one counts), any loss where A lost
 * nothing, an achieved rate more than 5% lower, or a verdict of FAIL or INVALID where A passed. Other figures are
 * shown for reading, not judged: p50 to max move with the machine's mood more than p99 does.
 */
record RunComparison(RunFigures a, RunFigures b) {
    static final double P99_WORSE_SHARE = 0.10;
    static final double P99_WORSE_MS = 1.0;
    static final double RATE_LOWER_SHARE = 0.05;

    /** Every regression of B, one sentence each naming the figure; empty when there is none. */
    List<String> regressions() {
        List<String> found = new ArrayList<>();
        if (b.p99Ms() > a.p99Ms() * (1 + P99_WORSE_SHARE) && b.p99Ms() - a.p99Ms() > P99_WORSE_MS) {
            found.add("p99 " + Format.millis(a.p99Ms()) + " -> " + Format.millis(b.p99Ms())
                    + " (more than 10% and 1 ms worse)");
        }
        if (a.lost() == 0 && b.lost() > 0) {
            found.add("loss " + b.lost() + " deliveries where A lost none");
        }
        if (b.achievedRate() < a.achievedRate() * (1 - RATE_LOWER_SHARE)) {
            found.add("achieved rate " + Format.rate(a.achievedRate()) + " -> " + Format.rate(b.achievedRate())
                    + " (more than 5% lower)");
        }
        if (a.verdict() == Verdict.PASS && b.verdict() != Verdict.PASS) {
            found.add("verdict PASS -> " + b.verdict());
        }
        return found;
    }

    /** The side-by-side table, one figure a line, with B's change from A. */
    String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-8s %14s %14s %10s%n", "", "A", "B", "change"));
        latency(t, "p50", RunFigures::p50Ms);
        latency(t, "p90", RunFigures::p90Ms);
        latency(t, "p99", RunFigures::p99Ms);
        latency(t, "p99.9", RunFigures::p999Ms);
        latency(t, "max", RunFigures::maxMs);
        row(t, "rate", Format.rate(a.achievedRate()), Format.rate(b.achievedRate()),
                change(a.achievedRate(), b.achievedRate()));
        row(t, "loss", Format.percent(a.lossRatio()), Format.percent(b.lossRatio()),
                b.lost() - a.lost() == 0 ? "=" : String.format(Locale.ROOT, "%+d", b.lost() - a.lost()));
        row(t, "verdict", a.verdict().name(), b.verdict().name(), a.verdict() == b.verdict() ? "=" : "changed");
        return t.toString();
    }

    private void latency(StringBuilder t, String name, ToDoubleFunction<RunFigures> figure) {
        double before = figure.applyAsDouble(a);
        double after = figure.applyAsDouble(b);
        row(t, name, Format.millis(before), Format.millis(after), change(before, after));
    }

    private static void row(StringBuilder t, String name, String before, String after, String change) {
        t.append(String.format(Locale.ROOT, "%-8s %14s %14s %10s%n", name, before, after, change));
    }

    /** Relative change, {@code +12.5%}; {@code =} when equal, {@code new} from zero. */
    static String change(double before, double after) {
        if (before == after) {
            return "=";
        }
        if (before == 0) {
            return "new";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (after - before) / before * 100);
    }
}
