package org.cavechat.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a report is written: {@code report.md} and {@code report.html} next to the run's
 * {@code jmh-result.json} and {@code machine.json}, so that a report directory is complete on its own.
 */
final class ReportFiles {
    static final String RESULTS = "jmh-result.json";
    static final String MARKDOWN = "report.md";
    static final String HTML = "report.html";

    private ReportFiles() {
    }

    /** Renders {@code results} (and a comparison with {@code previous}, if given) into {@code directory}. */
    static Report write(Path directory, List<JmhResult> results, Machine machine, Path previous)
            throws IOException {
        return write(directory, results, machine, previous, List.of());
    }

    /** As above, with the open-loop figures of {@code chat-bots swarm} runs ({@code summary.json} files). */
    static Report write(Path directory, List<JmhResult> results, Machine machine, Path previous,
            List<Path> swarmSummaries) throws IOException {
        List<Comparison.Row> rows = previous == null ? List.of() : Comparison.of(JmhResults.read(previous), results);
        List<SwarmRun> swarms = new java.util.ArrayList<>();
        for (Path summary : swarmSummaries) {
            swarms.add(SwarmRun.read(summary));
        }
        Report report = new Report(results, machine, rows, previous == null ? "" : previous.toString(), swarms);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKDOWN), MarkdownReport.render(report));
        Files.writeString(directory.resolve(HTML), HtmlReport.render(report));
        return report;
    }
}
