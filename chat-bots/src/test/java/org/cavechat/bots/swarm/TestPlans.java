package org.cavechat.bots.swarm;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cavechat.bots.Framing;

/** Plans for tests that need one without a command line. */
final class TestPlans {
    private TestPlans() {
    }

    static SwarmPlan plan(Duration maxP99, Double maxLoss, Path report) {
        return plan(maxP99, maxLoss, List.of(), report);
    }

    static SwarmPlan plan(Duration maxP99, Double maxLoss, List<Threshold> thresholds, Path report) {
        return new SwarmPlan(new InetSocketAddress("127.0.0.1", 33000), 10, 100, 0.2, 100, false, 100,
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Framing.LINE, 7, maxP99, maxLoss, thresholds, Duration.ofMillis(10), report, 1, 1, "bot", false,
                new RunMetadata(Instant.parse("2025-01-02T03:04:05Z"), "9.9", "testhost", "TestVM 21",
                        "chat-bots swarm --seed 7"));
    }
}
