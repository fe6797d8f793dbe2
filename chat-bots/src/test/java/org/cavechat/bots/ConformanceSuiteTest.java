package org.cavechat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.cavechat.daemon.DaemonConfig;
import org.cavechat.daemon.FramingPolicy;
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
    void aServerThatGetsRowsWrongFailsThoseScriptsPrintsTheirStepsAndExitsOne() throws Exception {
        // Forced legacy framing refuses the line client's name "alice\n" with an unterminated notice,
        // which a line reader never sees complete.
        try (Daemon legacyOnly = Daemon.start(DaemonConfig.builder().framing(FramingPolicy.LEGACY))) {
            CommandRun run = CommandRun.of("conform", "--server", legacyOnly.address(), "--timeout", "500ms",
                    "--only", "01-", "--only", "02-");
            assertEquals(1, run.status(), run::toString);
            assertTrue(run.out().contains("01-session-legacy.chat  legacy   I1-7, F1  pass\n"), run::toString);
            assertTrue(run.out().contains("02-session-line.chat    line     I1-7, F2  FAIL at line 4\n"), run::toString);
            assertTrue(run.out().contains("1 passed, 1 failed"), run::toString);
            assertTrue(run.out().contains("  FAIL  02-session-line.chat:4  join alice\n"
                    + "        expected: \"Welcome alice! If you ever want to quit, type {quit} to exit.\"\n"
                    + "        actual:   nothing within 500 ms\n"),
                    run::toString);
        }
    }

    @Test
    void conformAgainstNoServerIsOneLineAndExitThree() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        CommandRun run = CommandRun.of("conform", "--server", "127.0.0.1:" + port);
        assertEquals(3, run.status(), run::toString);
        assertEquals("chat-bots conform: cannot connect to 127.0.0.1:" + port
                + ": connection refused (is the daemon running?)\n", run.err());
    }

    @Test
    void legacyOnlySelectsTheScriptsWhoseBotsAllUseLegacyFraming() {
        CommandRun run = CommandRun.of("conform", "--server", daemon.address(), "--legacy-only");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("9 passed, 0 failed"), run::toString);
        assertTrue(!run.out().contains("02-session-line.chat"), run::toString);
    }
}
