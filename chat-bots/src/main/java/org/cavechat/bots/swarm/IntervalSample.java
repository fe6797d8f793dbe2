package org.cavechat.bots.swarm;

/**
 * One second of a run as the progress line showed it and the report charts it.
 *
 * @param atSeconds  end of the interval, seconds since the swarm started
 * @param phase      ramp, warm-up, measure or drain
 * @param members    bots joined and still connected
 * @param sentPerSecond      messages completely written, per second of the interval
 * @param deliveredPerSecond unique deliveries, per second of the interval
 * @param errors     failed joins and disconnects so far
 * @param latencies  deliveries whose latency was recorded in the interval
 * @param p50Ms      median latency of the interval, from the intended send time
 * @param p99Ms      99th percentile of the interval
 * @param maxMs      largest latency of the interval
 */
record IntervalSample(double atSeconds, String phase, long members, double sentPerSecond, double deliveredPerSecond,
        long errors,
        long latencies, double p50Ms, double p99Ms, double maxMs) {
}
