package org.cavechat.bots.swarm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report directory's layout: what is written there at the end (the interval log is written live). */
final class ReportFiles {
    static final String SUMMARY = "summary.json";
    static final String LOG = "latency.hlog";
    static final String HTML = "report.html";
    static final String SERIES = "series.csv";

    private ReportFiles() {
    }

    static void write(Path dir, SwarmSummary summary) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SUMMARY), SummaryJson.of(summary), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), HtmlReport.of(summary), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SERIES), SeriesCsv.of(summary.samples()), StandardCharsets.UTF_8);
    }
}
