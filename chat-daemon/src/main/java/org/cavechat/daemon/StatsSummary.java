package org.cavechat.daemon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Logs one line of the server's counters at most once a period (a minute in the daemon), so that the journal
 * alone shows the load over time even where nobody scrapes the metrics. A line that would repeat the last one
 * (an idle server) is not written: a quiet night costs no log lines. Runs on a daemon thread of its own, which
 * alone touches {@link #lastLine} once started, and only reads {@link DaemonStats}.
 */
final class StatsSummary implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMinutes(1);

    private final DaemonStats stats;
    private final Log log;
    /** Starts its thread only when {@link #start} schedules the work. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cavechat-summary").daemon().factory());
    /** What the server looked like at the last line written, or at the start: a fresh server is not news. */
    private String lastLine;

    StatsSummary(DaemonStats stats, Log log) {
        this.stats = stats;
        this.log = log;
        this.lastLine = line(stats);
    }

    /** Considers the first line one period from now, then one per period until closed. */
    static StatsSummary start(DaemonStats stats, Log log, Duration period) {
        StatsSummary summary = new StatsSummary(stats, log);
        long millis = period.toMillis();
        summary.timer.scheduleAtFixedRate(summary::logIfChanged, millis, millis, TimeUnit.MILLISECONDS);
        return summary;
    }

    /** One period's work: logs the counters when any of them changed since the last line. */
    void logIfChanged() {
        String line = line(stats);
        if (!line.equals(lastLine)) {
            log.info(line);
            lastLine = line;
        }
    }

    /**
     * The counters in one line, named as on the metrics endpoint but without the prefix and {@code _total};
     * slow_consumer_disconnects and server_full_refusals are the endpoint's {@code cavechat_leaves_total} with
     * {@code reason="slow_consumer"} and {@code reason="server_full"}.
     */
    static String line(DaemonStats stats) {
        return "summary: connections_open=" + stats.connectionsOpen()
                + " connections_total=" + stats.connectionsTotal()
                + " joins=" + stats.joins()
                + " leaves=" + leaves(stats)
                + " slow_consumer_disconnects=" + stats.leaves(DisconnectReason.SLOW_CONSUMER)
                + " server_full_refusals=" + stats.leaves(DisconnectReason.SERVER_FULL)
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
