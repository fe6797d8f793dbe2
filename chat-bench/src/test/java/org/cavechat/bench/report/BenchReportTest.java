package org.cavechat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class BenchReportTest {

    @Test
    void compareExitsWithOneOnARegressionAndZeroWithout(@TempDir Path directory) throws Exception {
        Path before = Files.writeString(directory.resolve("before.json"), Fixtures.text("before.json"));
        Path after = Files.writeString(directory.resolve("after.json"), Fixtures.text("after.json"));

        assertEquals(1, BenchReport.commandLine().execute("compare", before.toString(), after.toString()));
        assertEquals(0, BenchReport.commandLine().execute("compare", before.toString(), before.toString()));
    }

    @Test
    void compareShowsEachFiguresVerdictChangeAndBothScoresWithTheirErrors(@TempDir Path directory) throws Exception {
        Path before = Files.writeString(directory.resolve("before.json"), Fixtures.text("before.json"));
        Path after = Files.writeString(directory.resolve("after.json"), Fixtures.text("after.json"));

        Output run = Output.of("compare", before.toString(), after.toString());

        assertEquals(1, run.status());
        assertEquals(String.join(System.lineSeparator(),
                "REGRESSION     -20.0%  FanOutBenchmark.broadcast{framing=LINE, members=1000, server=CAVECHAT}: "
                        + "10k ± 500 -> 8k ± 400 ops/s",
                "WITHIN_ERROR    +3.3%  FanOutBenchmark.broadcast{framing=LINE, members=1000, "
                        + "server=THREAD_PER_CLIENT}: 60 ± 5 -> 62 ± 5 ops/s",
                "IMPROVEMENT    -22.2%  BroadcastLatencyBenchmark.broadcastToAll{members=1000, server=CAVECHAT}: "
                        + "900 ± 50 -> 700 ± 50 us/op",
                "WITHIN_ERROR    +0.0%  BroadcastCostBenchmark.broadcast{design=OUTBOX, framing=LINE, members=1000}: "
                        + "110k (no error estimate) -> 110k (no error estimate) ns/op",
                "ONLY_BEFORE            BroadcastCostBenchmark.broadcast{design=LOCKED_WRITES, framing=LINE, "
                        + "members=1000}: 385k ± 20k -> none ns/op",
                "ONLY_AFTER             BroadcastCostBenchmark.broadcast{design=LOCKED_WRITES, framing=LINE, "
                        + "members=100}: none -> 385k ± 20k ns/op", ""), run.out());
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-V", "run -V", "render --version", "compare --version"})
    void everyCommandsVersionIsTheMavenProjectVersion(String arguments) {
        Output run = Output.of(arguments.split(" "));

        assertEquals(0, run.status());
        assertEquals("bench-report " + System.getProperty("cavechat.version") + System.lineSeparator(), run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus | bench-report: Unknown option: '--bogus' (see --help)",
        "compare --bogus a b | bench-report compare: Unknown option: '--bogus' (see --help)",
        "compare a.json | bench-report compare: Missing required parameter: 'AFTER' (see --help)",
        "dance | bench-report: Unmatched argument at index 0: 'dance' (see --help)"})
    void aBadOptionIsOneLineAndExitCodeTwo(String arguments, String message) {
        Output run = Output.of(arguments.split(" "));

        assertEquals(2, run.status());
        assertEquals(message + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void renderWritesBothReportsNextToTheResults(@TempDir Path directory) throws Exception {
        Path results = Files.writeString(directory.resolve("jmh-result.json"), Fixtures.text("before.json"));

        assertEquals(0, BenchReport.commandLine().execute("render", results.toString()));

        assertTrue(Files.readString(directory.resolve("report.md")).contains("not recorded with this run"));
        assertTrue(Files.exists(directory.resolve("report.html")));
    }

    @Test
    void aMissingFileIsOneLineAndExitCodeTwo(@TempDir Path directory) {
        StringWriter err = new StringWriter();
        CommandLine line = BenchReport.commandLine().setErr(new PrintWriter(err));

        int code = line.execute("compare", directory.resolve("nope.json").toString(), "x.json");

        assertEquals(2, code);
        assertEquals("bench-report: no such file: " + directory.resolve("nope.json") + System.lineSeparator(), err.toString());
    }

    /** One run of the command line with its output and error captured. */
    private record Output(int status, String out, String err) {
        static Output of(String... arguments) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine line = BenchReport.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
            int status = line.execute(arguments);
            return new Output(status, out.toString(), err.toString());
        }
    }
}
