package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsSummaryTest {

    @Test
    void summaryLineNamesEveryCounterWithItsValue() {
        DaemonStats stats = new DaemonStats();
        stats.connectionOpened();
        stats.connectionOpened();
        stats.joined();
        stats.messageIn();
        stats.delivered(2);
        stats.read(10);
        stats.wrote(30);
        stats.outboxChanged(7);
        stats.connectionClosed(DisconnectReason.SLOW_CONSUMER);

        assertEquals("summary: connections_open=1 connections_total=2 joins=1 leaves=1 slow_consumer_disconnects=1"
                + " messages_in=1 deliveries_out=2 received_bytes=10 sent_bytes=30 outbox_pending_bytes=7",
                StatsSummary.line(stats));
    }

    @Test
    void summaryIsLoggedOncePerPeriod() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        DaemonStats stats = new DaemonStats();

        try (StatsSummary summary = StatsSummary.start(stats, Log.to(out, out, LogFormat.JOURNAL, LogLevel.INFO),
                Duration.ofMillis(20))) {
            Instant deadline = Instant.now().plusSeconds(20);
            while (countLines(captured) < 2 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
        }
        String expected = "<6>" + StatsSummary.line(stats) + "\n";
        String logged = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logged.startsWith(expected + expected), logged);
        assertEquals(Duration.ofMinutes(1), StatsSummary.PERIOD);
    }

    private static long countLines(ByteArrayOutputStream captured) {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        }
    }
}
