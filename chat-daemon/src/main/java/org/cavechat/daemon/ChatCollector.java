package org.cavechat.daemon;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Locale;

/**
 * The chat's own metric families, read from {@link DaemonStats} at scrape time, so the event loop only bumps
 * atomic counters and never touches the metrics library. Counter names are given without {@code _total}: the
 * text format adds it. Runs on the metrics endpoint's thread.
 */
final class ChatCollector implements MultiCollector {
    private final DaemonStats stats;
    private final Labels build;

    ChatCollector(DaemonStats stats, String version) {
        this.stats = stats;
        this.build = Labels.of("version", version);
    }

    @Override
    public MetricSnapshots collect() {
        return MetricSnapshots.of(
                InfoSnapshot.builder().name("cavechat_build")
                        .help("The CaveChat daemon's version; the value is always 1.")
                        .dataPoint(InfoDataPointSnapshot.builder().labels(build).build()).build(),
                gauge("cavechat_connections_open", "Connections open now, named or not.", stats.connectionsOpen()),
                gauge("cavechat_connections_naming", "Connections open now that have not joined yet.",
                        stats.connectionsNaming()),
                counter("cavechat_connections",
                        "Connections accepted since start, including those refused because the server was full.",
                        stats.connectionsTotal()),
                counter("cavechat_joins", "Names accepted since start.", stats.joins()),
                leaves(),
                counter("cavechat_messages_in", "Chat messages received from members.", stats.messagesIn()),
                counter("cavechat_deliveries_out", "Broadcast items queued to members, one per recipient.",
                        stats.deliveriesOut()),
                counter("cavechat_received_bytes", "Bytes read from all connections.", stats.bytesIn()),
                counter("cavechat_sent_bytes", "Bytes written to all connections.", stats.bytesOut()),
                gauge("cavechat_outbox_pending_bytes", "Bytes queued in outboxes and not yet written.",
                        stats.outboxBytesPending()),
                gauge("cavechat_memory_used_bytes", "Heap the outboxes pin now, plus input held back by flow control: "
                        + "what the memory budget weighs.", stats.memoryUsed()),
                turns());
    }

    /** One series per reason, zeros included, so that rate() sees a reason from its first occurrence. */
    private CounterSnapshot leaves() {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name("cavechat_leaves")
                .help("Connections ended since start, by disconnect reason.");
        for (DisconnectReason reason : DisconnectReason.values()) {
            family.dataPoint(CounterDataPointSnapshot.builder()
                    .labels(Labels.of("reason", reason.name().toLowerCase(Locale.ROOT)))
                    .value(stats.leaves(reason)).build());
        }
        return family.build();
    }

    private HistogramSnapshot turns() {
        TurnLatency latency = stats.turnLatency();
        return HistogramSnapshot.builder().name("cavechat_turn_duration_seconds")
                .help("Event-loop turns that produced output, by the time from the start of their reads to the "
                        + "end of their flush: a broadcast's time inside the daemon.")
                .dataPoint(HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(TurnLatency.UPPER_BOUNDS_SECONDS,
                                latency.counts()))
                        .sum(latency.sumSeconds()).build())
                .build();
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    private static GaugeSnapshot gauge(String name, String help, long value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }
}
