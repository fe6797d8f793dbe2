package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.QUIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The log: one line per connect, join and leave (with its reason), readable in a terminal (PLAIN: an ISO-8601
 * UTC timestamp and a level) and in the journal (JOURNAL: a syslog priority prefix, no timestamp, because the
 * journal adds its own). The lines about connections are compared in order, each against its whole expected
 * form; only ports and timestamps are patterns (connections are numbered from 1 on each server).
 */
class LogTest {

    /** ISO-8601 with milliseconds, as protocol.md shows; see the report about a millisecond of 0. */
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z";
    private static final String PEER = "127\\.0\\.0\\.1:\\d+";

    @Test
    void plainLogHasOneTimestampedLinePerConnectJoinAndLeaveWithItsReason() {
        List<String> lines = logOf(LogFormat.PLAIN, UnaryOperator.identity(), cave -> {
            cave.joinLegacy("alice").send(QUIT).expect(QUIT).expectEof();
            cave.joinLine("bob").close();
            Deadline.awaitLeaves(cave, DisconnectReason.CLOSED, 1);
        });
        assertLines(lines, TIMESTAMP + " (INFO |WARN |ERROR) .*", TIMESTAMP + " INFO  ", List.of(
                "#1 connect from " + PEER,
                "#1 join alice \\(legacy\\)",
                "#1 leave alice: QUIT",
                "#2 connect from " + PEER,
                "#2 join bob \\(line\\)",
                "#2 leave bob: CLOSED"));
    }

    @Test
    void journalLogHasASyslogPriorityAndNoTimestamp() {
        List<String> lines = logOf(LogFormat.JOURNAL, c -> c.maxConnections(1), cave -> {
            WireClient carol = cave.joinLine("carol");
            cave.connect().expect(Notices.FULL).expectEof();
            Deadline.awaitLeaves(cave, DisconnectReason.SERVER_FULL, 1);
            carol.reset();
            Deadline.awaitLeaves(cave, DisconnectReason.RESET, 1);
        });
        assertLines(lines, "<[0-7]>.*", "", List.of(
                "<6>#1 connect from " + PEER,
                "<6>#1 join carol \\(line\\)",
                "<6>#2 connect from " + PEER,
                "<4>#2 refused: 1 connections are open",
                "<6>#2 disconnect: SERVER_FULL",
                "<6>#1 leave carol: RESET"));
    }

    /** Runs {@code scenario} against a server logging in {@code format}, stops it, and returns the log's lines. */
    private static List<String> logOf(LogFormat format, UnaryOperator<DaemonConfig.Builder> tune,
            Consumer<RunningServer> scenario) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (RunningServer cave = RunningServer.start(tune,
                Log.to(new PrintStream(captured, true, StandardCharsets.UTF_8), format))) {
            scenario.accept(cave);
            cave.stopServer();
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Every line matches {@code anyLine}; the lines about connections (those with a {@code #}) match
     * {@code prefix} followed by {@code expected}, one for one, in order.
     */
    private static void assertLines(List<String> lines, String anyLinePattern, String prefix, List<String> expected) {
        Pattern anyLine = Pattern.compile(anyLinePattern);
        for (String line : lines) {
            assertTrue(anyLine.matcher(line).matches(), "log line " + line + " does not match " + anyLine);
        }
        List<String> aboutConnections = lines.stream().filter(line -> line.contains("#")).toList();
        assertEquals(expected.size(), aboutConnections.size(), "lines about connections: " + aboutConnections);
        for (int i = 0; i < expected.size(); i++) {
            String pattern = prefix + expected.get(i);
            assertTrue(aboutConnections.get(i).matches(pattern), "line " + i + ": " + aboutConnections.get(i)
                    + " does not match " + pattern);
        }
    }
}
