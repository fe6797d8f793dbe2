package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line ({@code java -jar chat-daemon.jar}) through {@code Main.run}, in this JVM: help lists every
 * setting with its environment variable and default; a bad option or value exits 2 and an unusable address
 * exits 3, each with exactly one line on stderr, which names the option and says what is wrong in words, and
 * nothing on stdout (the daemon's log included). Calls that would start serving are bounded, so a daemon that
 * wrongly starts fails the test instead of hanging it. The values from environment variables are tested in
 * {@link DaemonProcessTest}, which can set them.
 */
class MainTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ParameterizedTest
    @CsvSource({
        "--bind, CAVECHAT_BIND, 0.0.0.0",
        "--port, CAVECHAT_PORT, 33000",
        "--backlog, CAVECHAT_BACKLOG, 1024",
        "--max-connections, CAVECHAT_MAX_CONNECTIONS, 16384",
        "--outbox-bytes, CAVECHAT_OUTBOX_BYTES, 1048576",
        "--max-line-bytes, CAVECHAT_MAX_LINE_BYTES, 4096",
        "--name-timeout, CAVECHAT_NAME_TIMEOUT, 300s",
        "--shutdown-grace, CAVECHAT_SHUTDOWN_GRACE, 5s",
        "--greeting, CAVECHAT_GREETING, repository",
        "--framing, CAVECHAT_FRAMING, auto",
        "--log-format, CAVECHAT_LOG_FORMAT, auto",
        "--log-level, CAVECHAT_LOG_LEVEL, info",
        "--metrics, CAVECHAT_METRICS, default off"})
    void helpListsEverySettingWithItsEnvironmentVariableAndDefault(String option, String env, String defaultValue) {
        Run help = run("--help");
        assertEquals(0, help.status);
        assertEquals("", help.err);
        String entry = optionEntry(help.out, option);
        assertTrue(entry.contains(env), option + " names " + env + " in: " + entry);
        assertTrue(entry.contains(defaultValue), option + " shows default " + defaultValue + " in: " + entry);
    }

    @Test
    void versionIsTheMavenProjectVersionAndExitsZero() {
        Run version = run("--version");
        assertEquals(0, version.status);
        assertEquals("", version.err);
        assertEquals("chat-daemon " + System.getProperty("cavechat.version") + System.lineSeparator(), version.out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=abc", "--port=70000", "--port=-1", "--backlog=lots", "--max-connections=x",
        "--outbox-bytes=1.5", "--max-line-bytes=", "--name-timeout=soon", "--shutdown-grace=5 parsecs",
        "--greeting=shouty", "--framing=json", "--log-level=loud", "--log-format=xml", "--bind=",
        "--no-such-option", "surplus-argument"})
    void aBadOptionOrValueExitsTwoWithOneLineOnStderr(String bad) {
        Run run = run("--bind=127.0.0.1", bad);
        assertEquals(2, run.status, "exit status for " + bad + "; stderr: " + run.err);
        assertOneLine(run.err);
        assertEquals("", run.out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port=abc          | --port: 'abc' is not a whole number",
        "--port=99999999999  | --port: '99999999999' is out of range",
        "--port=70000        | --port: must be between 0 and 65535, not 70000",
        "--max-line-bytes=0  | --max-line-bytes: must be between 1 and 1048576, not 0",
        "--max-connections=0 | --max-connections: must be at least 1, not 0",
        "--bind=nohost.invalid | --bind: unknown host 'nohost.invalid'",
        "--log-level=loud    | --log-level: 'loud' is not a log level (use error, warn, info or debug)",
        "--max-message-rate=-1 | --max-message-rate: must not be negative, not -1",
        "--memory-budget=12  | --memory-budget: must be at least 4096, not 12",
        "--memory-budget=lots | --memory-budget: 'lots' is neither a number of bytes nor auto"})
    void aBadValueIsNamedByItsOptionAndExplainedInWordsOnce(String bad, String problem) {
        // Loopback and any free port, unless the option under test is one of those two.
        List<String> args = new ArrayList<>(List.of("--bind=127.0.0.1", "--port=0"));
        args.removeIf(arg -> arg.startsWith(bad.substring(0, bad.indexOf('=') + 1)));
        args.add(bad);
        Run run = run(args.toArray(String[]::new));
        assertEquals(2, run.status, "stderr: " + run.err);
        assertEquals(fatalLine(problem + " (see --help)"), run.err);
        assertEquals("", run.out);
    }

    @Test
    void aPortInUseExitsThreeWithOneLineOnStderr() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Run run = run("--bind=127.0.0.1", "--port=" + taken.getLocalPort());
            assertEquals(3, run.status, "stderr: " + run.err);
            assertOneLine(run.err);
            assertEquals(fatalLine("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use"),
                    run.err);
            assertEquals("", run.out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--name-timeout=300s", "--name-timeout=5m", "--name-timeout=250ms", "--name-timeout=PT5M",
        "--shutdown-grace=5s", "--shutdown-grace=PT0.5S", "--greeting=article", "--greeting=REPOSITORY",
        "--framing=legacy", "--framing=line", "--framing=auto", "--log-level=debug", "--log-level=ERROR",
        "--log-level=warn", "--log-format=journal", "--log-format=PLAIN"})
    void everyDocumentedValueFormIsAcceptedSoOnlyTheTakenPortStopsTheStart(String good) throws IOException {
        // A value that did not parse would exit 2 before any bind; reaching the bind (exit 3) proves it parsed.
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Run run = run("--bind=127.0.0.1", "--port=" + taken.getLocalPort(), good);
            assertEquals(3, run.status, good + "; stderr: " + run.err);
        }
    }

    @Test
    void aMetricsPortInUseExitsThreeWithOneLineOnStderrAndNoShutdownInTheLog() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Run run = run("--bind=127.0.0.1", "--port=0", "--metrics=127.0.0.1:" + taken.getLocalPort());
            assertEquals(3, run.status, "stderr: " + run.err);
            assertEquals(fatalLine("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use"), run.err);
            assertEquals("", run.out, "a start that failed has served nobody, so it has no shutdown to log");
        }
    }

    @Test
    void anAddressThisMachineDoesNotHaveExitsThreeWithOneLineOnStderr() {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a local address, and a literal needs no name lookup.
        Run run = run("--bind=192.0.2.1", "--port=0");
        assertEquals(3, run.status, "stderr: " + run.err);
        assertOneLine(run.err);
    }

    /** The help text from the line that introduces {@code option} up to the next option's line. */
    private static String optionEntry(String help, String option) {
        List<String> entry = new ArrayList<>();
        boolean inside = false;
        for (String line : help.split("\n")) {
            boolean startsOption = line.stripLeading().startsWith("-");
            if (startsOption) {
                inside = line.matches("\\s*(-\\w, )?" + option + "\\b.*");
            }
            if (inside) {
                entry.add(line.strip());
            }
        }
        assertTrue(!entry.isEmpty(), "help has no entry for " + option + ":\n" + help);
        return String.join(" ", entry);
    }

    /** The line as the log format of this environment writes it (with {@code <3>} in front under systemd). */
    private static String fatalLine(String problem) {
        return LogFormat.detect(System.getenv()).fatalLine(problem) + "\n";
    }

    private static void assertOneLine(String text) {
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1,
                "exactly one line expected, got: " + Printable.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = assertTimeoutPreemptively(BOUND, () -> Main.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
