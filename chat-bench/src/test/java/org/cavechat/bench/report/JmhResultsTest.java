package org.cavechat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhResultsTest {

    @Test
    void readsEveryEntryWithItsParametersAndMetrics() {
        List<JmhResult> results = Fixtures.before();

        assertEquals(5, results.size());
        JmhResult fanOut = results.getFirst();
        assertEquals("FanOutBenchmark.broadcast", fanOut.shortName());
        assertEquals("thrpt", fanOut.mode());
        assertEquals(Map.of("framing", "LINE", "members", "1000", "server", "CAVECHAT"), fanOut.params());
        assertEquals(new Metric(10000.0, 500.0, "ops/s"), fanOut.primary());
        assertEquals(new Metric(1.0e7, 5.0e5, "ops/s"), fanOut.secondary().get("deliveries"));
        assertEquals("FanOutBenchmark.broadcast{framing=LINE, members=1000, server=CAVECHAT}", fanOut.key());
    }

    @Test
    void readsSamplePercentilesAndTellsWhichModesPreferLowerScores() {
        List<JmhResult> results = Fixtures.before();

        JmhResult latency = results.get(2);
        assertEquals(800.0, latency.percentiles().get("50.0"));
        assertEquals(2000.0, latency.percentiles().get("99.0"));
        assertTrue(latency.lowerIsBetter());
        assertEquals(false, results.getFirst().lowerIsBetter());
    }

    @Test
    void readsAnUnknownErrorAsNaN() {
        JmhResult cost = Fixtures.before().get(3);

        assertTrue(Double.isNaN(cost.primary().error()));
        assertEquals(0.0, cost.primary().errorOrZero());
        assertEquals(new Metric(338.0, 2.0, "B/op"), cost.secondary().get("gc.alloc.rate.norm"));
    }

    @Test
    void refusesAFileThatIsNotAnArrayOfResults() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parse("{\"benchmark\": \"x\"}"));
        assertEquals("a JMH result file holds a JSON array", error.getMessage());
    }
}
