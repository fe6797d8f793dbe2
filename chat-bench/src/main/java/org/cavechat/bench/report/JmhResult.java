package org.cavechat.bench.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON result file: a benchmark method under one set of parameters, its primary
 * metric, the percentiles of a sample-time run, and the secondary metrics (auxiliary counters such
 * as {@code deliveries}, and the {@code gc.*} figures of {@code -prof gc}).
 */
record JmhResult(String benchmark, String mode, Map<String, String> params, Metric primary,
        Map<String, Double> percentiles, Map<String, Metric> secondary) {

    JmhResult {
        params = new TreeMap<>(params);
        percentiles = Map.copyOf(percentiles);
        secondary = Map.copyOf(secondary);
    }

    /** The class and method, without the package: {@code FanOutBenchmark.broadcast}. */
    String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** The benchmark and its parameters, the key under which two runs are compared. */
    String key() {
        return shortName() + params;
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    int intParam(String name) {
        return Integer.parseInt(param(name));
    }

    /** True when a lower score is better: time per operation, not operations per time. */
    boolean lowerIsBetter() {
        return !mode.equals("thrpt");
    }
}
