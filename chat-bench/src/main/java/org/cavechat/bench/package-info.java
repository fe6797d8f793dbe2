/**
 * CaveChat's JMH benchmarks over real sockets: {@link org.cavechat.bench.FanOutBenchmark} (deliveries per
 * second to N members) and {@link org.cavechat.bench.BroadcastLatencyBenchmark} (time until a broadcast
 * reached all N), each run against CaveChat's daemon and against {@link org.cavechat.bench.ThreadPerClientServer},
 * the original's design in Java, as the baseline. The room of members they drive, its reader threads and its
 * delivery counting live here too, and so does {@link org.cavechat.bench.BroadcastCostBenchmark}, which
 * measures a broadcast in process through the daemon's {@link org.cavechat.daemon.InMemoryRoom}; the reports are in
 * {@link org.cavechat.bench.report}. Used by nobody else: {@code java -jar chat-bench/target/benchmarks.jar}.
 */
package org.cavechat.bench;
