package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The turn histogram: bucket bounds are inclusive, counts cumulative in the exposition, the sum in seconds. */
class TurnLatencyTest {

    @Test
    void turnsFallInTheFirstBucketWhoseBoundTheyDoNotExceedAndTheSumIsInSeconds() throws IOException {
        DaemonStats stats = new DaemonStats();
        stats.turnServed(50_000);
        stats.turnServed(50_001);
        stats.turnServed(2_000_000_000);
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new ChatCollector(stats, "test"));

        String histogram = PrometheusTextFormatWriter.create().toDebugString(registry.scrape()).lines()
                .filter(line -> line.startsWith("cavechat_turn_duration_seconds"))
                .collect(Collectors.joining("\n", "", "\n"));

        assertEquals("""
                cavechat_turn_duration_seconds_bucket{le="5.0E-5"} 1
                cavechat_turn_duration_seconds_bucket{le="1.0E-4"} 2
                cavechat_turn_duration_seconds_bucket{le="2.5E-4"} 2
                cavechat_turn_duration_seconds_bucket{le="5.0E-4"} 2
                cavechat_turn_duration_seconds_bucket{le="0.001"} 2
                cavechat_turn_duration_seconds_bucket{le="0.0025"} 2
                cavechat_turn_duration_seconds_bucket{le="0.005"} 2
                cavechat_turn_duration_seconds_bucket{le="0.01"} 2
                cavechat_turn_duration_seconds_bucket{le="0.025"} 2
                cavechat_turn_duration_seconds_bucket{le="0.05"} 2
                cavechat_turn_duration_seconds_bucket{le="0.1"} 2
                cavechat_turn_duration_seconds_bucket{le="0.25"} 2
                cavechat_turn_duration_seconds_bucket{le="1.0"} 2
                cavechat_turn_duration_seconds_bucket{le="+Inf"} 3
                cavechat_turn_duration_seconds_count 3
                cavechat_turn_duration_seconds_sum %s
                """.formatted(2_000_100_001 / 1e9), histogram);
    }
}
