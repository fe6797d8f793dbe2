package org.cavechat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A target the benchmarks are held to (docs/benchmarks/README.md lists the three), and how this run
 * measured against it. A bar counts as reached only when the score's whole error interval is beyond it;
 * a score that reaches it with an interval that crosses it is uncertain. A bar whose figure the run does
 * not hold (a run without N = 1000, say) is reported as not measured, never as passed.
 */
record Bar(String name, String target, String measured, Status status) {
    static final int BAR_MEMBERS = 1000;
    static final double MIN_DELIVERIES = 2_000_000;
    static final double MIN_SPEEDUP = 10;
    static final double MAX_BYTES_PER_DELIVERY = 64;

    /** UNCERTAIN: the score reaches the bar but its error interval crosses it. */
    enum Status {
        REACHED, UNCERTAIN, MISSED, NOT_MEASURED
    }

    /** The three bars: deliveries at N = 1000, the speed-up over the baseline, allocation. */
    static List<Bar> of(Figures figures) {
        List<Bar> bars = new ArrayList<>();
        Optional<Metric> ours = figures.fanOut("CAVECHAT", "LINE", BAR_MEMBERS)
                .map(r -> r.secondary().get("deliveries"));
        Optional<Metric> theirs = figures.fanOut("THREAD_PER_CLIENT", "LINE", BAR_MEMBERS)
                .map(r -> r.secondary().get("deliveries"));
        bars.add(ours.map(m -> new Bar("fan-out at N = 1000, line framing", ">= 2M deliveries/s",
                        Numbers.withError(m) + " deliveries/s",
                        status(m.score() >= MIN_DELIVERIES, m.score() - m.errorOrZero() >= MIN_DELIVERIES)))
                .orElse(missing("fan-out at N = 1000, line framing", ">= 2M deliveries/s")));
        if (ours.isPresent() && theirs.isPresent()) {
            Metric us = ours.get();
            Metric them = theirs.get();
            double speedup = us.score() / them.score();
            double worstCase = Math.max(0, us.score() - us.errorOrZero()) / (them.score() + them.errorOrZero());
            bars.add(new Bar("fan-out at N = 1000 against the baseline", ">= 10x",
                    String.format(java.util.Locale.ROOT, "%.1fx (%s against %s; %.1fx at the error bounds)",
                            speedup, Numbers.compact(us.score()), Numbers.compact(them.score()), worstCase),
                    status(speedup >= MIN_SPEEDUP, worstCase >= MIN_SPEEDUP)));
        } else {
            bars.add(missing("fan-out at N = 1000 against the baseline", ">= 10x"));
        }
        bars.add(figures.cost("OUTBOX", BAR_MEMBERS).map(Figures::allocationPerDelivery)
                .map(m -> new Bar("allocation per delivery, N = 1000", "< 64 B", Numbers.withError(m) + " B",
                        status(m.score() < MAX_BYTES_PER_DELIVERY,
                                m.score() + m.errorOrZero() < MAX_BYTES_PER_DELIVERY)))
                .orElse(missing("allocation per delivery, N = 1000", "< 64 B")));
        return bars;
    }

    /** Reached only when the whole error interval is on the right side of the bar. */
    private static Status status(boolean byScore, boolean beyondError) {
        if (!byScore) {
            return Status.MISSED;
        }
        return beyondError ? Status.REACHED : Status.UNCERTAIN;
    }

    private static Bar missing(String name, String target) {
        return new Bar(name, target, "not in this run", Status.NOT_MEASURED);
    }
}
