package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.cavechat.bots.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.testcontainers.junit.jupiter.Container;

/**
 * The bots' bundled conformance suite, exactly as {@code chat-bots conform} runs it, against the daemon in
 * its container: each script is a test of its own (legacy rooms, line rooms and mixed rooms), in the
 * suite's order on one daemon, and then the whole suite in one run with its pass/fail table.
 */
@DaemonInDocker
class ConformanceIT {
    private static final String INDEX = "/conformance/index.txt";

    @Container
    static final CaveChatContainer daemon = new CaveChatContainer();

    @TestFactory
    Stream<DynamicTest> everyScriptOfTheConformanceSuitePasses() throws IOException {
        return scripts().stream().map(script -> dynamicTest(script, () -> {
            Run run = conform("--only", script);
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("1 passed, 0 failed"), run.output());
        }));
    }

    @Test
    void theWholeSuitePassesInOneRun() throws IOException {
        int scripts = scripts().size();
        Run run = conform();
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(scripts + " passed, 0 failed"), run.output());
    }

    @Test
    void theSuiteCoversLegacyFramingLineFramingAndMixedRooms() throws IOException {
        List<String> scripts = scripts();
        for (String kind : List.of("legacy", "line", "mixed")) {
            assertTrue(scripts.stream().anyMatch(script -> script.contains(kind)),
                    "no " + kind + " script in " + scripts);
        }
    }

    /** The suite's script files, in the order it runs them. */
    private static List<String> scripts() throws IOException {
        try (InputStream in = ConformanceIT.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new AssertionError(INDEX + " is not on the class path: is chat-bots built?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static Run conform(String... options) {
        StringWriter output = new StringWriter();
        var command = Main.commandLine();
        command.setOut(new PrintWriter(output, true));
        command.setErr(new PrintWriter(output, true));
        String server = daemon.getHost() + ":" + daemon.getMappedPort(CaveChatContainer.CHAT_PORT);
        String[] arguments = Stream.concat(Stream.of("conform", "--server", server), Stream.of(options))
                .toArray(String[]::new);
        int exitCode = command.execute(arguments);
        return new Run(exitCode, output.toString());
    }

    /** What one {@code chat-bots} command returned and printed. */
    private record Run(int exitCode, String output) {}
}
