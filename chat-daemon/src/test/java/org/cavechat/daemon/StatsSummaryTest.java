package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary line names every counter, and is logged once a period only when a value changed since the last
 * line: an idle server writes none. The periods are run by the test ({@code logIfChanged}) except in the one
 * test of the timer itself, which waits for a line, never for a time.
 */
class StatsSummaryTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8);
    private final Log log = Log.to(stream, stream, LogFormat.JOURNAL, LogLevel.INFO);
    private final DaemonStats stats = new DaemonStats();

    @Test
    void summaryLineNamesEveryCounterWithItsValue() {
        stats.connectionOpened();
        stats.connectionOpened();
        stats.connectionOpened();
        stats.joined();
        stats.messageIn();
        stats.delivered(2);
        stats.read(10);
        stats.wrote(30);
        stats.outboxChanged(7);
        stats.connectionClosed(DisconnectReason.SLOW_CONSUMER);
        stats.connectionClosed(DisconnectReason.SERVER_FULL);

        assertEquals("summary: connections_open=1 connections_total=3 joins=1 leaves=2 slow_consumer_disconnects=1"
                + " server_full_refusals=1 messages_in=1 deliveries_out=2 received_bytes=10 sent_bytes=30"
                + " outbox_pending_bytes=7", StatsSummary.line(stats));
    }

    @Test
    void anIdleServerLogsNoSummaryAndABusyOneLogsOneLinePerPeriodWithAChange() {
        try (StatsSummary summary = new StatsSummary(stats, log)) {
            summary.logIfChanged();
            summary.logIfChanged();
            assertEquals(List.of(), lines(), "nothing happened since the start");

            stats.connectionOpened();
            summary.logIfChanged();
            String afterConnect = "<6>" + StatsSummary.line(stats);
            summary.logIfChanged();
            summary.logIfChanged();
            assertEquals(List.of(afterConnect), lines(), "one line for the change, none for the idle periods");

            stats.read(5);
            summary.logIfChanged();
            assertEquals(List.of(afterConnect, "<6>" + StatsSummary.line(stats)), lines());
        }
    }

    @Test
    void theTimerLogsAChangeWithinAPeriodAndTheDaemonsPeriodIsAMinute() {
        try (StatsSummary summary = StatsSummary.start(stats, log, Duration.ofMillis(20))) {
            stats.joined();
            Deadline.await("a summary line", () -> !lines().isEmpty(), this::lines);
        }
        assertEquals("<6>" + StatsSummary.line(stats), lines().getFirst());
        assertEquals(Duration.ofMinutes(1), StatsSummary.PERIOD);
    }

    private List<String> lines() {
        synchronized (stream) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }
}
