package org.cavechat.daemon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Logs one line of the server's counters every period (a minute in the daemon), so that the journal alone
 * shows the load over time even where nobody scrapes the metrics. Runs on a daemon thread of its own and
 * only reads {@link DaemonStats}.
 */
final class StatsSummary implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMinutes(1);

    private final ScheduledExecutorService timer;

    private StatsSummary(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Logs the first line one period from now, then one per period until closed. */
    static StatsSummary start(DaemonStats stats, Log log, Duration period) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("cavechat-summary").daemon().factory());
        long millis = period.toMillis();
        timer.scheduleAtFixedRate(() -> log.info(line(stats)), millis, millis, TimeUnit.MILLISECONDS);
        return new StatsSummary(timer);
    }

    /**
     * The counters in one line, named as on the metrics endpoint but without the prefix and {@code _total};
     * slow_consumer_disconnects is the endpoint's {@code cavechat_leaves_total{reason="slow_consumer"}}.
     */
    static String line(DaemonStats stats) {
        return "summary: connections_open=" + stats.connectionsOpen()
                + " connections_total=" + stats.connectionsTotal()
                + " joins=" + stats.joins()
                + " leaves=" + leaves(stats)
                + " slow_consumer_disconnects=" + stats.leaves(DisconnectReason.SLOW_CONSUMER)
                + " messages_in=" + stats.messagesIn()
                + " deliveries_out=" + stats.deliveriesOut()
                + " received_bytes=" + stats.bytesIn()
                + " sent_bytes=" + stats.bytesOut()
                + " outbox_pending_bytes=" + stats.outboxBytesPending();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static long leaves(DaemonStats stats) {
        long total = 0;
        for (DisconnectReason reason : DisconnectReason.values()) {
            total += stats.leaves(reason);
        }
        return total;
    }
}
