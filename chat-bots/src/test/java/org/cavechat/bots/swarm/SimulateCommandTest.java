package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void simulateStartsItsOwnDaemonRunsASwarmAndSaysWhereTheReportIs() {
        CommandRun run = CommandRun.of(new SimulateCommand(), "--bots", "20", "--rate", "20", "--duration", "1s",
                "--warmup", "0s", "--max-send-lag", "5s", "-q", "--report", dir.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.err().startsWith("simulate: CaveChat daemon listening on "), run.err());
        assertTrue(run.out().contains("bots      20 asked, 20 joined"), run.out());
        assertTrue(run.out().contains("report: " + dir.resolve("report.html").toAbsolutePath()), run.out());
        assertTrue(run.out().contains("daemon    20 joins"), run.out());
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }

    @Test
    void simulateHelpShowsItsOwnDefaults() {
        CommandRun run = CommandRun.of(new SimulateCommand(), "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("Bots to connect (default: 300)"), run.out());
        assertTrue(run.out().contains("(default: 15s)"), run.out());
    }

    @Test
    void swarmHelpShowsTheSwarmDefaultsAndExitCodes() {
        CommandRun run = CommandRun.of(new SwarmCommand(), "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("Bots to connect (default: 100)"), run.out());
        assertTrue(run.out().replaceAll("\\s+", " ").contains("default: localhost:33000)"), run.out());
        assertTrue(run.out().contains("Exit status:"), run.out());
        assertTrue(run.out().contains("3   the server cannot be reached"), run.out());
        assertTrue(run.out().contains("4   INVALID (swarm, simulate): the load was not offered as asked"), run.out());
    }
}
