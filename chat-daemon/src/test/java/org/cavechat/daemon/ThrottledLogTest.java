package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line a peer can cause at will is written at most once per interval: the first at once, the rest counted,
 * and the first line after the interval says how many were left out. Time is a {@link ManualClock}, moved by
 * the test, so nothing here waits.
 */
class ThrottledLogTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final ManualClock clock = new ManualClock();
    private final PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8);
    private final ThrottledLog throttled =
            new ThrottledLog(Log.to(stream, stream, LogFormat.JOURNAL, LogLevel.INFO, clock), LogLevel.WARN);

    @Test
    void theFirstLineIsWrittenAtOnceAndRepeatsWithinTheIntervalAreOnlyCounted() {
        for (int i = 1; i <= 1000; i++) {
            throttled.write("#" + i + " exceeded its outbox budget");
            clock.advance(Duration.ofMillis(10));
        }
        assertEquals(List.of("<4>#1 exceeded its outbox budget"), lines());
    }

    @Test
    void theFirstLineAfterTheIntervalSaysHowManyWereLeftOut() {
        throttled.write("one");
        throttled.write("two");
        throttled.write("three");
        clock.advance(ThrottledLog.INTERVAL.minusMillis(1));
        throttled.write("four");
        clock.advance(Duration.ofMillis(1));
        throttled.write("five");
        throttled.write("six");
        clock.advance(ThrottledLog.INTERVAL);
        throttled.write("seven");
        clock.advance(ThrottledLog.INTERVAL);
        throttled.write("eight");
        assertEquals(List.of("<4>one", "<4>five (3 more since the last such line)",
                "<4>seven (1 more since the last such line)", "<4>eight"), lines());
    }

    @Test
    void aClockSetBackDoesNotSilenceTheLineUntilItCatchesUp() {
        throttled.write("before");
        clock.advance(Duration.ofHours(-1));
        throttled.write("after the clock went back");
        assertEquals(List.of("<4>before", "<4>after the clock went back"), lines());
    }

    @Test
    void aLogBelowTheLinesLevelNeitherWritesNorCounts() {
        PrintStream errorsOnly = new PrintStream(captured, true, StandardCharsets.UTF_8);
        ThrottledLog quiet = new ThrottledLog(
                Log.to(errorsOnly, errorsOnly, LogFormat.JOURNAL, LogLevel.ERROR, clock), LogLevel.WARN);
        quiet.write("not written");
        assertEquals(List.of(), lines());
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
