package org.cavechat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConformanceSuiteTest {

    private static Daemon daemon;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = Daemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void everyBundledScriptParsesAndSaysWhatItCovers() throws Exception {
        List<Script> scripts = ConformanceSuite.load();
        assertEquals(18, scripts.size());
        for (Script script : scripts) {
            assertTrue(!script.title().isEmpty() && !script.covers().isEmpty(), script.file());
        }
    }

    @Test
    void everyBundledScriptPassesAgainstOurDaemon() throws Exception {
        StringBuilder failures = new StringBuilder();
        for (Script script : ConformanceSuite.load()) {
            java.io.StringWriter transcript = new java.io.StringWriter();
            ScriptResult result = new ScriptRunner(daemon.server().localAddress(), Duration.ofSeconds(5),
                    Duration.ZERO, new java.io.PrintWriter(transcript)).run(script);
            if (!result.passed()) {
                failures.append(script.file()).append('\n').append(transcript);
            }
        }
        assertEquals("", failures.toString());
    }

    @Test
    void conformPrintsAPassingTableAndExitsZero() {
        CommandRun run = CommandRun.of("conform", "--server", daemon.address());
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("18 passed, 0 failed"), run::toString);
        assertTrue(run.out().contains("01-session-legacy.chat                  legacy   I1-7, F1                   pass"),
                run::toString);
    }

    @Test
    void legacyOnlySelectsTheScriptsWhoseBotsAllUseLegacyFraming() {
        CommandRun run = CommandRun.of("conform", "--server", daemon.address(), "--legacy-only");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("9 passed, 0 failed"), run::toString);
        assertTrue(!run.out().contains("02-session-line.chat"), run::toString);
    }
}
