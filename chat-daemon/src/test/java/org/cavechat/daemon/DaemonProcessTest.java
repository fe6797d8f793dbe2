package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.SHUTDOWN;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The daemon as operators run it ({@link DaemonProcess}): it prints the READY line once it accepts, tells every
 * member it is shutting down on SIGTERM or SIGINT, and exits 143 or 130 (128 + the signal). A bad value from an
 * environment variable is reported under the variable's name; under systemd (JOURNAL_STREAM set) a fatal
 * start-up error carries priority err, whether it is found while parsing options or later. Every wait is
 * bounded.
 */
class DaemonProcessTest {

    @Test
    void sigtermTellsEveryMemberAndExits143AndTheEnvironmentConfiguresTheDaemon() {
        assertTimeoutPreemptively(DaemonProcess.BOUND, () -> {
            try (DaemonProcess daemon = DaemonProcess.start(Map.of("CAVECHAT_GREETING", "article"),
                    "--bind=127.0.0.1", "--port=0");
                    WireClient alice = WireClient.connect(daemon.readyPort())) {
                alice.expect(Notices.ARTICLE_GREETING).send("alice").expect(welcome("alice"));
                daemon.signal("TERM");
                alice.expect(SHUTDOWN).expectEof();
                assertEquals(143, daemon.awaitExit());
            }
        });
    }

    @Test
    void sigintTellsEveryMemberAndExits130AndAnOptionWinsOverItsEnvironmentVariable() {
        assertTimeoutPreemptively(DaemonProcess.BOUND, () -> {
            try (DaemonProcess daemon = DaemonProcess.start(
                    Map.of("CAVECHAT_GREETING", "article", "CAVECHAT_PORT", "not-a-port"),
                    "--bind=127.0.0.1", "--port=0", "--greeting=repository");
                    WireClient bob = WireClient.connect(daemon.readyPort())) {
                bob.expect(Notices.GREETING).send("bob\n").expect(welcome("bob") + "\n");
                daemon.signal("INT");
                bob.expect(SHUTDOWN + "\n").expectEof();
                assertEquals(130, daemon.awaitExit());
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAVECHAT_MAX_LINE_BYTES | many           | 'many' is not a whole number",
        "CAVECHAT_PORT           | abc            | 'abc' is not a whole number",
        "CAVECHAT_PORT           | 70000          | must be between 0 and 65535, not 70000",
        "CAVECHAT_BIND           | nohost.invalid | unknown host 'nohost.invalid'",
        "CAVECHAT_NAME_TIMEOUT   | 0s             | must be positive, not PT0S",
        "CAVECHAT_LOG_LEVEL      | loud           | 'loud' is not a log level (use error, warn, info or debug)"})
    void aBadEnvironmentValueExitsTwoWithOneLineNamingTheVariable(String variable, String value, String problem) {
        assertTimeoutPreemptively(DaemonProcess.BOUND, () -> {
            // Loopback and any free port, unless the variable under test sets one of those two.
            List<String> args = new ArrayList<>(List.of("--bind=127.0.0.1", "--port=0"));
            args.removeIf(arg -> variable.equals("CAVECHAT_" + arg.substring(2, arg.indexOf('=')).toUpperCase()));
            try (DaemonProcess daemon = DaemonProcess.start(Map.of(variable, value), args.toArray(String[]::new))) {
                assertEquals(2, daemon.awaitExit(), "stderr: " + daemon.stderr());
                assertEquals(List.of("chat-daemon: " + variable + ": " + problem + " (see --help)"), daemon.stderr());
                assertEquals(List.of(), daemon.stdout());
            }
        });
    }

    @Test
    void aMetricsPortInUseExitsThreeWithItsErrorAndNoOtherLine() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertTimeoutPreemptively(DaemonProcess.BOUND, () -> {
                try (DaemonProcess daemon = DaemonProcess.start(Map.of(), "--bind=127.0.0.1", "--port=0",
                        "--metrics=127.0.0.1:" + taken.getLocalPort())) {
                    assertEquals(3, daemon.awaitExit());
                    assertEquals(List.of("chat-daemon: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()
                            + ": Address already in use"), daemon.stderr());
                    assertEquals(List.of(), daemon.stdout(), "no READY, and no shutdown of a server that never served");
                }
            });
        }
    }

    @Test
    void underSystemdABadOptionIsOneLineWithPriorityErr() {
        assertTimeoutPreemptively(DaemonProcess.BOUND, () -> {
            try (DaemonProcess daemon = DaemonProcess.start(Map.of("JOURNAL_STREAM", "8:4242"),
                    "--bind=nohost.invalid", "--port=0")) {
                assertEquals(2, daemon.awaitExit());
                assertEquals(List.of("<3>chat-daemon: --bind: unknown host 'nohost.invalid' (see --help)"),
                        daemon.stderr());
                assertEquals(List.of(), daemon.stdout());
            }
        });
    }

    @Test
    void underSystemdAPortInUseIsOneLineWithPriorityErrUnlessThePlainFormatIsAskedFor() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String problem = "chat-daemon: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use";
            assertTimeoutPreemptively(DaemonProcess.BOUND, () -> {
                try (DaemonProcess journal = DaemonProcess.start(Map.of("JOURNAL_STREAM", "8:4242"),
                        "--bind=127.0.0.1", "--port=" + taken.getLocalPort());
                        DaemonProcess plain = DaemonProcess.start(Map.of("JOURNAL_STREAM", "8:4242"),
                        "--bind=127.0.0.1", "--port=" + taken.getLocalPort(), "--log-format=plain")) {
                    assertEquals(3, journal.awaitExit());
                    assertEquals(List.of("<3>" + problem), journal.stderr());
                    assertEquals(3, plain.awaitExit());
                    assertEquals(List.of(problem), plain.stderr());
                }
            });
        }
    }
}
