package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ThresholdConverterTest {
    private static Threshold read(String text) {
        return new ThresholdConverter().convert(text);
    }

    @Test
    void latencyPercentilesReadInMillisecondsWhateverTheUnitWritten() {
        assertEquals(new Threshold("p99<50ms", Threshold.Metric.LATENCY, 99, Threshold.Comparison.LT, 50, false),
                read("p99<50ms"));
        assertEquals(new Threshold("p99.9<=0.2s", Threshold.Metric.LATENCY, 99.9, Threshold.Comparison.LE, 200, false),
                read("p99.9 <= 0.2s"));
        assertEquals(0.5, read("p50<500us").limit());
        assertEquals(30.0, read("p90<30").limit(), "a bare number is milliseconds, as in k6");
        assertEquals(100.0, read("max<1s").percentile());
    }

    @Test
    void lossJoinedAndRateReadAsSharesWithAPercentSign() {
        assertEquals(new Threshold("loss==0", Threshold.Metric.LOSS, 0, Threshold.Comparison.EQ, 0, true),
                read("loss==0"));
        assertEquals(0.001, read("loss<0.1%").limit(), 1e-15);
        assertEquals(new Threshold("joined>=99%", Threshold.Metric.JOINED, 0, Threshold.Comparison.GE, 0.99, true),
                read("joined>=99%"));
        assertEquals(new Threshold("joined>=990", Threshold.Metric.JOINED, 0, Threshold.Comparison.GE, 990, false),
                read("joined>=990"));
        assertEquals(new Threshold("rate>=95%", Threshold.Metric.RATE, 0, Threshold.Comparison.GE, 0.95, true),
                read("rate>=95%"));
        assertEquals(new Threshold("rate>400", Threshold.Metric.RATE, 0, Threshold.Comparison.GT, 400, false),
                read("rate>400"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p99<<5", "p99", "latency<5ms", "p99<fast", "<5ms", "p99=5ms", "p99<5ms extra", ""})
    void somethingThatIsNoThresholdSaysHowOneIsWritten(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> read(text));
        assertEquals("'" + text + "' is not a threshold: " + ThresholdConverter.FORM, e.getMessage());
    }

    @Test
    void aUnitOrPercentileThatDoesNotFitTheMetricIsRefusedInOneLine() {
        assertEquals("'loss<5ms': 'ms' is not a unit for this metric; " + ThresholdConverter.FORM,
                assertThrows(TypeConversionException.class, () -> read("loss<5ms")).getMessage());
        assertEquals("'p0<5ms': a percentile is above 0 and at most 100",
                assertThrows(TypeConversionException.class, () -> read("p0<5ms")).getMessage());
        assertEquals("'p101<5ms': a percentile is above 0 and at most 100",
                assertThrows(TypeConversionException.class, () -> read("p101<5ms")).getMessage());
        assertEquals("'loss<150%': loss is a share, e.g. 0.001 or 0.1%, at most 1 (100%)",
                assertThrows(TypeConversionException.class, () -> read("loss<150%")).getMessage());
    }
}
