package org.cavechat.bots.swarm;

import java.util.List;
import java.util.Locale;

/**
 * {@code series.csv}: the run's intervals, one row each, for a spreadsheet or a plotting script. Counts are
 * per interval (they add up to the run's totals), latencies in milliseconds from the intended send time, left
 * empty for an interval without deliveries; {@code missing} is a running figure, not a per-interval one.
 */
final class SeriesCsv {
    static final String HEADER =
            "second,interval_s,phase,members,sent,delivered,latencies,p50_ms,p99_ms,max_ms,missing,errors";

    private SeriesCsv() {
    }

    static String of(List<IntervalSample> samples) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (IntervalSample s : samples) {
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%s,%d,%d,%d,%d,%s,%s,%s,%d,%d\n", s.atSeconds(),
                    s.seconds(), s.phase(), s.members(), s.sent(), s.delivered(), s.latencies(),
                    latency(s, s.p50Ms()), latency(s, s.p99Ms()), latency(s, s.maxMs()), s.missing(), s.errors()));
        }
        return csv.toString();
    }

    private static String latency(IntervalSample s, double ms) {
        return s.latencies() == 0 ? "" : String.format(Locale.ROOT, "%.3f", ms);
    }
}
