package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.SHUTDOWN;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon as operators run it: a separate JVM running {@code Main} on this test's class path, configured by
 * options and environment variables, stopped by SIGTERM or SIGINT. It prints the READY line once it accepts,
 * tells every member it is shutting down, and exits 143 or 130 (128 + the signal). Every wait is bounded, and
 * a daemon still running when a test ends is killed.
 */
class DaemonProcessTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Pattern READY = Pattern.compile("READY listening on 127\\.0\\.0\\.1:(\\d+)");

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsStillRunning() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void sigtermTellsEveryMemberAndExits143AndTheEnvironmentConfiguresTheDaemon() {
        assertTimeoutPreemptively(BOUND, () -> {
            Process daemon = start(Map.of("CAVECHAT_GREETING", "article"), "--bind=127.0.0.1", "--port=0");
            BufferedReader stdout = stdout(daemon);
            int port = readyPort(stdout);
            try (WireClient alice = WireClient.connect(port)) {
                alice.expect(Notices.ARTICLE_GREETING).send("alice").expect(welcome("alice"));
                daemon.destroy();
                alice.expect(SHUTDOWN).expectEof();
            }
            assertTrue(daemon.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertEquals(143, daemon.exitValue());
        });
    }

    @Test
    void sigintTellsEveryMemberAndExits130AndAnOptionWinsOverItsEnvironmentVariable() {
        assertTimeoutPreemptively(BOUND, () -> {
            Process daemon = start(Map.of("CAVECHAT_GREETING", "article", "CAVECHAT_PORT", "not-a-port"),
                    "--bind=127.0.0.1", "--port=0", "--greeting=repository");
            int port = readyPort(stdout(daemon));
            try (WireClient bob = WireClient.connect(port)) {
                bob.expect(Notices.GREETING).send("bob\n").expect(welcome("bob") + "\n");
                signal("INT", daemon);
                bob.expect(SHUTDOWN + "\n").expectEof();
            }
            assertTrue(daemon.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertEquals(130, daemon.exitValue());
        });
    }

    @Test
    void aBadEnvironmentValueExitsTwoWithOneLineOnStderr() {
        assertTimeoutPreemptively(BOUND, () -> {
            Process daemon = start(Map.of("CAVECHAT_MAX_LINE_BYTES", "many"), "--bind=127.0.0.1", "--port=0");
            assertTrue(daemon.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS));
            String err = new String(daemon.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, daemon.exitValue(), "stderr: " + err);
            assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, "one line: " + err);
        });
    }

    private Process start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("CAVECHAT_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static BufferedReader stdout(Process daemon) {
        return new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The first line on stdout must be the READY line; returns the port it names. */
    private static int readyPort(BufferedReader stdout) throws IOException {
        String first = stdout.readLine();
        Matcher ready = READY.matcher(String.valueOf(first));
        assertTrue(ready.matches(), "first line on stdout: " + first);
        return Integer.parseInt(ready.group(1));
    }

    private static void signal(String name, Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }
}
