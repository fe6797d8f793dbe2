package org.cavechat.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cavechat.bots.swarm.Json;

/**
 * Reads JMH's JSON result format ({@code -rf json}) into {@link JmhResult}s. JMH writes scores as
 * numbers and an unknown error as the string {@code "NaN"}; both are read as doubles.
 */
final class JmhResults {
    private JmhResults() {
    }

    static List<JmhResult> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static List<JmhResult> parse(String json) {
        if (!(Json.parse(json) instanceof List<?> entries)) {
            throw new IllegalArgumentException("a JMH result file holds a JSON array");
        }
        List<JmhResult> results = new ArrayList<>();
        for (Object entry : entries) {
            results.add(result(map(entry, "result")));
        }
        return results;
    }

    private static JmhResult result(Map<String, Object> entry) {
        Map<String, Object> primary = map(entry.get("primaryMetric"), "primaryMetric");
        Map<String, String> params = new LinkedHashMap<>();
        if (entry.get("params") != null) {
            map(entry.get("params"), "params").forEach((k, v) -> params.put(k, String.valueOf(v)));
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        if (primary.get("scorePercentiles") != null) {
            map(primary.get("scorePercentiles"), "scorePercentiles")
                    .forEach((k, v) -> percentiles.put(k, number(v)));
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        if (entry.get("secondaryMetrics") != null) {
            map(entry.get("secondaryMetrics"), "secondaryMetrics")
                    .forEach((k, v) -> secondary.put(k, metric(map(v, k))));
        }
        return new JmhResult(text(entry.get("benchmark")), text(entry.get("mode")), params,
                metric(primary), percentiles, secondary);
    }

    private static Metric metric(Map<String, Object> metric) {
        return new Metric(number(metric.get("score")), number(metric.get("scoreError")),
                text(metric.get("scoreUnit")));
    }

    private static double number(Object value) {
        return switch (value) {
            case Double d -> d;
            case String s when s.equals("NaN") -> Double.NaN;
            case null -> Double.NaN;
            default -> throw new IllegalArgumentException("not a number: " + value);
        };
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("not a string: " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }
}
