package org.cavechat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.cavechat.daemon.DaemonConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private Daemon daemon;

    @BeforeEach
    void startDaemon() throws IOException {
        daemon = Daemon.start();
    }

    @AfterEach
    void stopDaemon() {
        daemon.close();
    }

    private String script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void aPassingScriptPrintsEveryStepAndExitsZero() throws IOException {
        String file = script("ok.chat", """
                # Two members
                connect alice line
                join alice
                connect bob legacy
                join bob
                expect alice bob has joined the chat!
                send bob hi
                expect alice bob: hi
                """);
        CommandRun run = CommandRun.of("run", "--server", daemon.address(), file);
        assertEquals(0, run.status(), run::toString);
        assertEquals(file + ": Two members\n"
                + "  ok    " + file + ":2  connect alice line\n"
                + "  ok    " + file + ":3  join alice\n"
                + "  ok    " + file + ":4  connect bob legacy\n"
                + "  ok    " + file + ":5  join bob\n"
                + "  ok    " + file + ":6  expect alice bob has joined the chat!\n"
                + "  ok    " + file + ":7  send bob hi\n"
                + "  ok    " + file + ":8  expect alice bob: hi\n"
                + "1 of 1 scripts passed\n", run.out().replace(System.lineSeparator(), "\n"));
        assertEquals("", run.err());
    }

    @Test
    void theExamplesOfTheScriptDocumentationPass() throws Exception {
        // The module directory is the tests' working directory; README.md and docs/scripts.md point users here.
        Path examples = Path.of("examples");
        String[] files;
        try (var list = Files.list(examples)) {
            files = list.map(Path::toString).sorted().toArray(String[]::new);
        }
        assertEquals(5, files.length);
        String[] args = new String[files.length + 3];
        args[0] = "run";
        args[1] = "--server";
        args[2] = daemon.address();
        System.arraycopy(files, 0, args, 3, files.length);
        CommandRun run = CommandRun.of(args);
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().endsWith("5 of 5 scripts passed\n"), run::toString);
    }

    @Test
    void aFailedExpectationPrintsTheLineTheExpectedAndTheActualItemAndExitsOne() throws IOException {
        String file = script("fail.chat", """
                connect alice line
                join alice
                send alice hello
                expect alice alice: goodbye
                send alice never sent
                """);
        CommandRun run = CommandRun.of("run", "--server", daemon.address(), file);
        assertEquals(1, run.status(), run::toString);
        assertTrue(run.out().contains("  FAIL  " + file + ":4  expect alice alice: goodbye\n"
                + "        expected: \"alice: goodbye\"\n"
                + "        actual:   \"alice: hello\"\n"), run::toString);
        assertFalse(run.out().contains("never sent"), run::toString);
        assertTrue(run.out().endsWith("0 of 1 scripts passed\n"), run::toString);
    }

    @Test
    void waitingInVainReportsHowLongNothingArrived() throws IOException {
        String file = script("quiet.chat", "connect alice line\njoin alice\ntimeout 300ms\nexpect alice alice: hi\n");
        CommandRun run = CommandRun.of("run", "--server", daemon.address(), file);
        assertEquals(1, run.status(), run::toString);
        assertTrue(run.out().contains("        actual:   nothing within 300 ms\n"), run::toString);
    }

    @Test
    void patternsMatchWholeItems() throws IOException {
        String file = script("match.chat", """
                connect alice legacy
                join alice
                send alice order 66
                match alice alice: order \\d+
                send alice order 66 now
                match alice alice: order \\d+
                """);
        CommandRun run = CommandRun.of("run", "--server", daemon.address(), file);
        assertEquals(1, run.status(), run::toString);
        assertTrue(run.out().contains("  FAIL  " + file + ":6  match alice alice: order \\d+\n"
                + "        expected: an item matching /alice: order \\d+/\n"
                + "        actual:   \"alice: order 66 now\"\n"), run::toString);
    }

    @Test
    void malformedScriptsAreReportedWithFileAndLineBeforeAnythingRuns() throws IOException {
        String good = script("good.chat", "connect alice line\njoin alice\n");
        String bad = script("bad.chat", "connect alice line\nexpect alice\nsend bob hi\n");
        CommandRun run = CommandRun.of("run", "--server", daemon.address(), good, bad);
        assertEquals(2, run.status(), run::toString);
        assertEquals("", run.out());
        assertEquals(bad + ":2: missing an item (write \"\" for an empty one)\n", run.err());
        assertEquals(0, daemon.server().stats().connectionsTotal());
    }

    @Test
    void anUnreachableServerIsOneLineAndExitThree() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        String file = script("any.chat", "connect alice line\n");
        CommandRun run = CommandRun.of("run", "--server", "127.0.0.1:" + freePort, file);
        assertEquals(3, run.status(), run::toString);
        assertEquals("chat-bots run: cannot connect to 127.0.0.1:" + freePort
                + ": connection refused (is the daemon running?)\n", run.err());
    }

    @Test
    void anUnknownHostIsOneLineAndExitThree() throws IOException {
        String file = script("any.chat", "connect alice line\n");
        CommandRun run = CommandRun.of("run", "--server", "no-such-host.invalid:33000", file);
        assertEquals(3, run.status(), run::toString);
        assertEquals("chat-bots run: cannot connect to no-such-host.invalid:33000: unknown host\n", run.err());
    }

    @Test
    void badOptionValuesAreOneLineAndExitTwo() {
        CommandRun run = CommandRun.of("run", "--server", "localhost:http", "x.chat");
        assertEquals(2, run.status(), run::toString);
        assertEquals("chat-bots run: --server: 'localhost:http' has no valid port"
                + " (write host:port, like localhost:33000) (see --help)\n", run.err());
        CommandRun pace = CommandRun.of("run", "--pace", "fast", "x.chat");
        assertEquals(2, pace.status(), pace::toString);
    }

    @Test
    void aServerThatShutsDownMidRunIsReportedAsItsNoticeAndTheEndOfTheStream() throws Exception {
        String file = script("shutdown.chat", """
                connect alice legacy
                join alice
                timeout 10s
                expect alice The server is shutting down. Goodbye!
                expect-eof alice
                send alice anyone there?
                expect alice alice: anyone there?
                """);
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(
                () -> CommandRun.of("run", "--server", daemon.address(), file));
        awaitJoins(1);
        daemon.close();
        CommandRun run = running.join();
        assertEquals(1, run.status(), run::toString);
        assertTrue(run.out().contains("  ok    " + file + ":5  expect-eof alice\n"), run::toString);
        assertTrue(run.out().matches("(?s).*  FAIL  " + java.util.regex.Pattern.quote(file)
                + ":(6|7)  .*\n        actual:   (connection failed: .*|end of stream)\n.*"), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void theServerFullNoticeCanBeExpectedInsteadOfTheGreeting() throws Exception {
        daemon.close();
        daemon = Daemon.start(DaemonConfig.builder().maxConnections(1));
        String file = script("full.chat", """
                connect alice line
                connect bob line nogreeting
                expect bob Sorry, the cave is full. Try again later.
                expect-eof bob
                """);
        CommandRun run = CommandRun.of("run", "--server", daemon.address(), file);
        assertEquals(0, run.status(), run::toString);
    }

    private void awaitJoins(long joins) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (daemon.server().stats().joins() < joins) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no join within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
