package org.cavechat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwarmRunTest {

    @Test
    void readsTheOpenLoopFiguresOfASwarmSummary(@TempDir Path directory) throws Exception {
        Path summary = directory.resolve("summary.json");
        Files.writeString(summary, Fixtures.text("swarm-summary.json"));

        SwarmRun run = SwarmRun.read(summary);

        assertEquals(new SwarmRun(summary.toString(), 1000, "line", 100, 99.5, 3.5, 12.25, 31.5, 2_000_000, 0), run);
    }

    @Test
    void aReportWithASwarmRunTabulatesItsLatency(@TempDir Path directory) throws Exception {
        Path summary = directory.resolve("summary.json");
        Files.writeString(summary, Fixtures.text("swarm-summary.json"));

        ReportFiles.write(directory, Fixtures.before(), Fixtures.machine(), null, List.of(summary));

        String md = Files.readString(directory.resolve("report.md"));
        assertTrue(md.contains("| 1000 | line | 100 | 99.5 | 3.5 | 12.3 | 31.5 | 2000000 | 0 | " + summary + " |"), md);
    }

    @Test
    void aFileWithoutTheSwarmsFiguresIsRefused(@TempDir Path directory) throws Exception {
        Path summary = directory.resolve("summary.json");
        Files.writeString(summary, "{\"parameters\": {}}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SwarmRun.read(summary));
        assertEquals("a swarm summary has an object \"rate\"", error.getMessage());
    }
}
