package org.cavechat.bots.swarm;

/**
 * One interval of a run (a second, or the sliver before the end) as the progress line showed it, the report
 * charts it and {@code series.csv} lists it.
 *
 * @param atSeconds  end of the interval, seconds since the swarm started
 * @param seconds    length of the interval
 * @param phase      ramp, warm-up, measure or drain
 * @param members    bots joined and still connected
 * @param sent       messages completely written in the interval
 * @param delivered  unique deliveries in the interval
 * @param errors     failed joins and disconnects so far
 * @param latencies  deliveries whose latency was recorded in the interval
 * @param p50Ms      median latency of the interval, from the intended send time
 * @param p99Ms      99th percentile of the interval
 * @param maxMs      largest latency of the interval
 * @param missing    deliveries the present members should have had by the end of the interval and had not: in
 *                   flight or lost; once the drain is over, what is still missing is lost
 */
record IntervalSample(double atSeconds, double seconds, String phase, long members, long sent, long delivered,
        long errors, long latencies, double p50Ms, double p99Ms, double maxMs, long missing) {
    /** The last tick of a run may close a sliver of an interval; its per-second rates would only mislead. */
    private static final double MIN_RATE_SECONDS = 0.2;

    double sentPerSecond() {
        return sent / seconds;
    }

    double deliveredPerSecond() {
        return delivered / seconds;
    }

    /** Whether the interval is long enough for its per-second rates to be shown. */
    boolean showsRates() {
        return seconds >= MIN_RATE_SECONDS;
    }
}
