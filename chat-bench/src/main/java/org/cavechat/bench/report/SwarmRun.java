package org.cavechat.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cavechat.bots.swarm.Json;

/**
 * The open-loop figures of one {@code chat-bots swarm} run, read from its {@code summary.json}:
 * latency under a fixed offered load, timed from each message's intended send time, which JMH's
 * closed-loop modes cannot give. Latencies in milliseconds, rates in messages per second.
 */
record SwarmRun(String source, long bots, String framing, double requestedRate, double achievedRate,
        double p50Ms, double p99Ms, double maxMs, long delivered, long lost) {

    static SwarmRun read(Path summary) throws IOException {
        if (!(Json.parse(Files.readString(summary)) instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(summary + " does not hold a JSON object");
        }
        Map<?, ?> parameters = object(root, "parameters");
        Map<?, ?> rate = object(root, "rate");
        Map<?, ?> latency = object(root, "latencyMs");
        Map<?, ?> delivery = object(root, "delivery");
        return new SwarmRun(summary.toString(), (long) number(parameters, "bots"),
                String.valueOf(parameters.get("framing")), number(rate, "requested"), number(rate, "achieved"),
                number(latency, "p50"), number(latency, "p99"), number(latency, "max"),
                (long) number(delivery, "delivered"), (long) number(delivery, "lost"));
    }

    private static Map<?, ?> object(Map<?, ?> parent, String key) {
        if (parent.get(key) instanceof Map<?, ?> child) {
            return child;
        }
        throw new IllegalArgumentException("a swarm summary has an object \"" + key + "\"");
    }

    private static double number(Map<?, ?> object, String key) {
        return object.get(key) instanceof Double d ? d : Double.NaN;
    }
}
