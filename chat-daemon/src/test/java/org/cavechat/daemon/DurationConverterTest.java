package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The one duration rule of the daemon's and the bots' command lines (docs/protocol.md, "Settings"). */
class DurationConverterTest {

    private static String refusal(String value) {
        return assertThrows(CommandLine.TypeConversionException.class, () -> new DurationConverter().convert(value))
                .getMessage();
    }

    @ParameterizedTest
    @CsvSource({"250ms, PT0.25S", "300s, PT5M", "5m, PT5M", "1h, PT1H", "PT5M, PT5M", "PT0.5S, PT0.5S",
        "0ms, PT0S", "' 2s ', PT2S"})
    void everyDocumentedFormReadsAsItsDuration(String written, String expected) {
        assertEquals(Duration.parse(expected), new DurationConverter().convert(written));
    }

    @Test
    void anyNumberOfDigitsIsReadUpToTheLongestDurationIncluded() {
        assertEquals(Duration.ofSeconds(5), DurationConverter.parse("00000000000000000000000005s"));
        assertEquals(Duration.ofDays(365), DurationConverter.parse("8760h"));
        assertEquals(Duration.ofDays(365), DurationConverter.parse("31536000000ms"));
        assertEquals(Duration.ofDays(365), DurationConverter.parse("P365D"));
    }

    @Test
    void aNegativeDurationIsRefusedWithOneLineSayingSo() {
        assertEquals("'PT-5S' is negative: a duration is 0 or more", refusal("PT-5S"));
        assertEquals("'-PT1M' is negative: a duration is 0 or more", refusal("-PT1M"));
    }

    @Test
    void aDurationLongerThanAYearIsRefusedBeforeAnyDeadlineCouldOverflow() {
        String tooLong = " is longer than the longest duration, 8760h (365 days)";
        assertEquals("'8761h'" + tooLong, refusal("8761h"));
        assertEquals("'31536000001ms'" + tooLong, refusal("31536000001ms"));
        assertEquals("'99999999999999999999999h'" + tooLong, refusal("99999999999999999999999h"));
        assertEquals("'P366D'" + tooLong, refusal("P366D"));
    }

    @Test
    void somethingElseIsNotADuration() {
        String hint = " is not a duration (write 250ms, 2s, 5m, 1h or PT5M)";
        assertEquals("'soon'" + hint, refusal("soon"));
        assertEquals("'-5s'" + hint, refusal("-5s"));
        assertEquals("'5 s'" + hint, refusal("5 s"));
        assertEquals("''" + hint, refusal(""));
        assertEquals("'PT9999999999999999999H'" + hint, refusal("PT9999999999999999999H"));
    }
}
