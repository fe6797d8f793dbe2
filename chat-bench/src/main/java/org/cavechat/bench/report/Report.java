package org.cavechat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content of a benchmark report: the run's date, machine and JVM, the bars it is held to, the
 * charts with their tables, every JMH result, and, when a previous run is given, the comparison
 * with regressions marked.
 */
record Report(List<JmhResult> results, Machine machine, List<Comparison.Row> comparison, String comparedWith,
        List<SwarmRun> swarms) {

    Report {
        results = List.copyOf(results);
        comparison = List.copyOf(comparison);
        swarms = List.copyOf(swarms);
    }

    Report(List<JmhResult> results, Machine machine, List<Comparison.Row> comparison, String comparedWith) {
        this(results, machine, comparison, comparedWith, List.of());
    }

    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        Figures figures = new Figures(results);
        blocks.add(new Block.Heading("CaveChat benchmark report"));
        blocks.add(new Block.Paragraph("Taken " + machine.get("date") + " with `" + machine.get("command")
                + "`. Figures are JMH scores with the half-width of their 99.9% confidence interval"
                + " (± error); see docs/benchmarks/README.md for how to read them."));
        blocks.add(new Block.TableBlock(machineTable()));
        if (machine.wasLoaded()) {
            blocks.add(new Block.Paragraph("Taken under load: the load average exceeded the number of cores"
                    + " during the run (other work shared the machine), so every figure here is disturbed"
                    + " and its error is wide; compare runs only with their errors."));
        }
        blocks.add(new Block.Heading("Bars"));
        blocks.add(new Block.TableBlock(barTable(Bar.of(figures))));
        blocks.add(new Block.Heading("Fan-out: deliveries per second"));
        blocks.add(new Block.ChartBlock(figures.throughput()));
        blocks.add(new Block.Heading("Latency until all members have a broadcast"));
        blocks.add(new Block.Paragraph("Closed-loop service time (JMH sample mode): the next broadcast"
                + " is sent only when the last one reached every member, so these are not latencies"
                + " under an offered load; those come from `chat-bots swarm`."));
        blocks.add(new Block.ChartBlock(figures.latency()));
        blocks.add(new Block.Heading("Latency under a fixed offered load (chat-bots swarm)"));
        if (swarms.isEmpty()) {
            blocks.add(new Block.Paragraph("No swarm summary in this report: pass `--swarm summary.json` of"
                    + " `chat-bots swarm --report DIR` runs to add their open-loop latencies here."));
        } else {
            blocks.add(new Block.Paragraph("Open loop: each message is timed from its intended send time,"
                    + " so a stall delays and counts against every message due during it."));
            blocks.add(new Block.TableBlock(swarmTable()));
        }
        blocks.add(new Block.Heading("In-process cost per delivery"));
        blocks.add(new Block.Paragraph("One broadcast through the daemon's own Room, Outbox and Connection"
                + " into channels that discard the bytes (no kernel), divided by the members;"
                + " allocation from `-prof gc` (gc.alloc.rate.norm over the members)."));
        blocks.add(new Block.ChartBlock(figures.cost()));
        blocks.add(new Block.ChartBlock(figures.allocation()));
        if (!comparison.isEmpty()) {
            blocks.add(new Block.Heading("Compared with " + comparedWith));
            blocks.add(new Block.TableBlock(comparisonTable()));
        }
        blocks.add(new Block.Heading("All results"));
        blocks.add(new Block.TableBlock(resultTable()));
        return blocks;
    }

    private Table machineTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> fact : machine.facts().entrySet()) {
            rows.add(List.of(fact.getKey(), fact.getValue()));
        }
        return new Table("Machine and JVM", List.of("fact", "value"), rows);
    }

    private static Table barTable(List<Bar> bars) {
        List<List<String>> rows = new ArrayList<>();
        for (Bar bar : bars) {
            rows.add(List.of(bar.name(), bar.target(), bar.measured(), bar.status().name().replace('_', ' ')));
        }
        return new Table("Bars the benchmarks are held to", List.of("figure", "bar", "measured", "status"), rows);
    }

    private Table swarmTable() {
        List<List<String>> rows = new ArrayList<>();
        for (SwarmRun run : swarms) {
            rows.add(List.of(String.valueOf(run.bots()), run.framing(), Numbers.compact(run.requestedRate()),
                    Numbers.compact(run.achievedRate()), Numbers.compact(run.p50Ms()), Numbers.compact(run.p99Ms()),
                    Numbers.compact(run.maxMs()), String.valueOf(run.delivered()), String.valueOf(run.lost()),
                    run.source()));
        }
        return new Table("Swarm runs", List.of("bots", "framing", "offered msg/s", "achieved msg/s", "p50 ms",
                "p99 ms", "max ms", "delivered", "lost", "summary"), rows);
    }

    private Table comparisonTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Row row : comparison) {
            rows.add(List.of(row.key(), row.before() == null ? "" : Numbers.withError(row.before()),
                    row.after() == null ? "" : Numbers.withError(row.after()), row.unit(),
                    Numbers.percent(row.change()),
                    row.verdict().name().replace('_', ' ') + (row.errorKnown() || row.before() == null
                            || row.after() == null ? "" : " (no error estimate)")));
        }
        return new Table("Before and after", List.of("benchmark", "before", "after", "unit", "change", "verdict"),
                rows);
    }

    private Table resultTable() {
        List<List<String>> rows = new ArrayList<>();
        for (JmhResult result : results) {
            rows.add(List.of(result.shortName(), result.params().toString(), result.mode(),
                    Numbers.withError(result.primary()), result.primary().unit(), secondaries(result)));
        }
        return new Table("JMH results", List.of("benchmark", "parameters", "mode", "score", "unit", "also"), rows);
    }

    private static String secondaries(JmhResult result) {
        List<String> parts = new ArrayList<>();
        Metric deliveries = result.secondary().get("deliveries");
        if (deliveries != null) {
            parts.add("deliveries " + Numbers.withError(deliveries) + " " + deliveries.unit());
        }
        Metric reads = result.secondary().get("reads");
        if (reads != null && deliveries != null && reads.score() > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "%.1f deliveries per read", deliveries.score() / reads.score()));
        }
        Metric allocation = result.secondary().get(Figures.ALLOCATION);
        if (allocation != null) {
            parts.add("alloc " + Numbers.withError(allocation) + " " + allocation.unit());
        }
        return String.join("; ", parts);
    }
}
