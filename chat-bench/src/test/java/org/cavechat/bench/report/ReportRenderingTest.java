package org.cavechat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRenderingTest {

    private static Report report(List<Comparison.Row> comparison) {
        return new Report(Fixtures.before(), Fixtures.machine(), comparison, comparison.isEmpty() ? "" : "before.json");
    }

    @Test
    void theMarkdownReportStatesEachBarWithItsMeasuredFigure() {
        String md = MarkdownReport.render(report(List.of()));

        assertTrue(md.startsWith("# CaveChat benchmark report\n"), md);
        assertTrue(md.contains("| fan-out at N = 1000, line framing | >= 2M deliveries/s | 10M ± 500k deliveries/s | REACHED |\n"), md);
        assertTrue(md.contains("| fan-out at N = 1000 against the baseline | >= 10x | 166.7x (10M against 60k; 146.2x at the error bounds) | REACHED |\n"), md);
        assertTrue(md.contains("| allocation per delivery, N = 1000 | < 64 B | 0.338 ± 0.002 B | REACHED |\n"), md);
    }

    @Test
    void theMarkdownReportTabulatesEachChartByRoomSize() {
        String md = MarkdownReport.render(report(List.of()));

        assertTrue(md.contains("| members (N) | CaveChat, line | baseline, line |\n"
                + "|---|---|---|\n| 1k | 10M ± 500k | 60k ± 5k |\n"), md);
        assertTrue(md.contains("| members (N) | CaveChat, p50 | CaveChat, p99 |\n|---|---|---|\n| 1k | 800 | 2k |\n"), md);
    }

    @Test
    void aBarReachedOnlyByTheScoreAndNotByItsWholeErrorIntervalIsUncertain() {
        Figures figures = new Figures(List.of(new JmhResult("org.cavechat.bench.FanOutBenchmark.broadcast", "thrpt",
                java.util.Map.of("framing", "LINE", "members", "1000", "server", "CAVECHAT"), new Metric(2500, 1, "ops/s"),
                java.util.Map.of(), java.util.Map.of("deliveries", new Metric(2.5e6, 1e6, "ops/s")))));

        assertEquals(Bar.Status.UNCERTAIN, Bar.of(figures).getFirst().status());
    }

    @Test
    void aBarTheRunDidNotMeasureIsNotReportedAsReached() {
        List<Bar> bars = Bar.of(new Figures(Fixtures.before().subList(2, 5)));

        assertEquals(List.of(Bar.Status.NOT_MEASURED, Bar.Status.NOT_MEASURED, Bar.Status.REACHED),
                bars.stream().map(Bar::status).toList());
    }

    @Test
    void theHtmlReportIsOnePageWithFourInlineChartsAndNoExternalResource() {
        String html = HtmlReport.render(report(List.of()));

        assertEquals(4, count(html, "<svg "));
        assertFalse(html.contains("<script"));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"));
        assertEquals(3, count(html, "<td class=\"REACHED\">"));
        assertTrue(html.contains("<code>BenchReport run --quick</code>"), html);
    }

    @Test
    void aComparedReportMarksTheRegression() {
        String html = HtmlReport.render(report(Comparison.of(Fixtures.before(), Fixtures.after())));
        String md = MarkdownReport.render(report(Comparison.of(Fixtures.before(), Fixtures.after())));

        assertEquals(1, count(html, "<td class=\"REGRESSION\">"));
        assertTrue(md.contains("## Compared with before.json\n"), md);
        assertTrue(md.contains("| FanOutBenchmark.broadcast{framing=LINE, members=1000, server=CAVECHAT} | 10k ± 500 "
                + "| 8k ± 400 | ops/s | -20.0% | REGRESSION |\n"), md);
    }

    @Test
    void aChartDrawsOnePointPerFigureOnDecadeAxes() {
        Chart chart = new Chart("t", "members (N)", "per second", List.of(
                new Chart.Series("a", "#111", false, List.of(new Chart.Point(1, 5, 1), new Chart.Point(1000, 50, 0))),
                new Chart.Series("b", "#222", true, List.of(new Chart.Point(10, 20, 0)))));

        String svg = SvgChart.render(chart);

        assertEquals(3, count(svg, "<circle "));
        assertEquals(1, count(svg, "stroke-dasharray=\"6 4\"/>") - 1, svg);
        for (String tick : List.of(">1<", ">10<", ">100<", ">1k<")) {
            assertTrue(svg.contains(tick), tick);
        }
    }

    @Test
    void theReportFilesAreWrittenNextToEachOther(@TempDir Path directory) throws Exception {
        Path before = directory.resolve("before.json");
        Files.writeString(before, Fixtures.text("before.json"));

        ReportFiles.write(directory, Fixtures.after(), Fixtures.machine(), before);

        assertTrue(Files.readString(directory.resolve("report.md")).contains("REGRESSION"));
        assertTrue(Files.readString(directory.resolve("report.html")).startsWith("<!DOCTYPE html>"));
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
