package org.cavechat.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The figures people read, taken out of a run's JMH results: deliveries per second, latency and
 * allocation per delivery against the room size, CaveChat against the baseline. It knows the
 * benchmarks' names and parameters ({@code members}, {@code server}, {@code framing},
 * {@code design}); results of other benchmarks are left to the tables.
 */
final class Figures {
    static final String FAN_OUT = "FanOutBenchmark.broadcast";
    static final String LATENCY = "BroadcastLatencyBenchmark.broadcastToAll";
    static final String COST = "BroadcastCostBenchmark.broadcast";
    static final String ALLOCATION = "gc.alloc.rate.norm";

    private static final Map<String, String> COLORS = Map.of(
            "CAVECHAT", "#1f5fbf", "THREAD_PER_CLIENT", "#d9661f",
            "OUTBOX", "#1f5fbf", "LOCKED_WRITES", "#d9661f");

    private final List<JmhResult> results;

    Figures(List<JmhResult> results) {
        this.results = List.copyOf(results);
    }

    /** Deliveries per second against N, one line per server and framing. */
    Chart throughput() {
        List<Chart.Series> series = new ArrayList<>();
        for (List<JmhResult> group : groups(FAN_OUT, r -> r.param("server") + " " + r.param("framing"))) {
            JmhResult first = group.getFirst();
            series.add(new Chart.Series(label(first.param("server")) + ", " + first.param("framing").toLowerCase(),
                    COLORS.getOrDefault(first.param("server"), "#555"), first.param("framing").equals("LEGACY"),
                    points(group, r -> r.secondary().get("deliveries"))));
        }
        return new Chart("Fan-out over loopback", "members (N)", "deliveries per second", series);
    }

    /** Median and 99th percentile time until one broadcast reached all N members. */
    Chart latency() {
        List<Chart.Series> series = new ArrayList<>();
        for (List<JmhResult> group : groups(LATENCY, r -> r.param("server"))) {
            String server = group.getFirst().param("server");
            String color = COLORS.getOrDefault(server, "#555");
            series.add(new Chart.Series(label(server) + ", p50", color, false,
                    points(group, r -> percentile(r, "50.0"))));
            series.add(new Chart.Series(label(server) + ", p99", color, true,
                    points(group, r -> percentile(r, "99.0"))));
        }
        return new Chart("Broadcast latency to all members (closed loop)", "members (N)",
                "microseconds", series);
    }

    /** Nanoseconds of the in-process broadcast per member, one line per design and framing. */
    Chart cost() {
        return inProcess("Time per delivery (in process)", "nanoseconds per delivery", Figures::timePerDelivery);
    }

    /** Bytes allocated per delivery in the in-process broadcast, one line per design and framing. */
    Chart allocation() {
        return inProcess("Allocation per delivery (in process, -prof gc)", "bytes per delivery",
                Figures::allocationPerDelivery);
    }

    private Chart inProcess(String title, String yLabel, Function<JmhResult, Metric> figure) {
        List<Chart.Series> series = new ArrayList<>();
        for (List<JmhResult> group : groups(COST, r -> r.param("design") + " " + r.param("framing"))) {
            JmhResult first = group.getFirst();
            series.add(new Chart.Series(label(first.param("design")) + ", " + first.param("framing").toLowerCase(),
                    COLORS.getOrDefault(first.param("design"), "#555"), first.param("framing").equals("LEGACY"),
                    points(group, figure)));
        }
        return new Chart(title, "members (N)", yLabel, series);
    }

    /** The fan-out result for one server, framing and room size, if the run has it. */
    Optional<JmhResult> fanOut(String server, String framing, int members) {
        return find(FAN_OUT, r -> r.param("server").equals(server) && r.param("framing").equals(framing)
                && r.intParam("members") == members);
    }

    /** The in-process result for one design and room size, if the run has it. */
    Optional<JmhResult> cost(String design, int members) {
        return find(COST, r -> r.param("design").equals(design) && r.intParam("members") == members);
    }

    /** Bytes allocated per delivery: {@code -prof gc}'s bytes per broadcast over the members. */
    static Metric allocationPerDelivery(JmhResult result) {
        Metric perBroadcast = result.secondary().get(ALLOCATION);
        return perBroadcast == null ? null : perBroadcast.per(result.intParam("members"), "B/delivery");
    }

    /** Time per delivery: the time of one broadcast over the members. */
    static Metric timePerDelivery(JmhResult result) {
        return result.primary().per(result.intParam("members"), result.primary().unit() + " per delivery");
    }

    static String label(String param) {
        return switch (param) {
            case "CAVECHAT" -> "CaveChat";
            case "THREAD_PER_CLIENT" -> "baseline";
            case "OUTBOX" -> "CaveChat";
            case "LOCKED_WRITES" -> "baseline";
            default -> param;
        };
    }

    /** Baselines come after CaveChat in every chart and table. */
    private static boolean isBaseline(JmhResult result) {
        return result.param("server").equals("THREAD_PER_CLIENT") || result.param("design").equals("LOCKED_WRITES");
    }

    private static Metric percentile(JmhResult result, String which) {
        Double value = result.percentiles().get(which);
        return value == null ? null : new Metric(value, 0, result.primary().unit());
    }

    private Optional<JmhResult> find(String benchmark, Predicate<JmhResult> wanted) {
        return results.stream().filter(r -> r.shortName().equals(benchmark)).filter(wanted).findFirst();
    }

    private List<List<JmhResult>> groups(String benchmark, Function<JmhResult, String> by) {
        Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
        results.stream()
                .filter(r -> r.shortName().equals(benchmark))
                .sorted(Comparator.comparing(Figures::isBaseline).thenComparing(by)
                        .thenComparingInt(r -> r.intParam("members")))
                .forEach(r -> groups.computeIfAbsent(by.apply(r), k -> new ArrayList<>()).add(r));
        return List.copyOf(groups.values());
    }

    private static List<Chart.Point> points(List<JmhResult> group, Function<JmhResult, Metric> figure) {
        List<Chart.Point> points = new ArrayList<>();
        for (JmhResult result : group) {
            Metric metric = figure.apply(result);
            if (metric != null && metric.score() > 0) {
                points.add(new Chart.Point(result.intParam("members"), metric.score(), metric.errorOrZero()));
            }
        }
        return points;
    }
}
