package org.cavechat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
