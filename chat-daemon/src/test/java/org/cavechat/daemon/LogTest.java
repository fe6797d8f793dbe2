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
 * The log over real sockets. At DEBUG one line per connect, join and leave (with its reason), repeats within a
 * connection summarised; at INFO, the default, no line about single connections at all. PLAIN lines carry an
 * ISO-8601 UTC timestamp and a level, and go to stderr when they are warnings or errors; JOURNAL lines carry a
 * syslog priority prefix and all go to stdout. The lines about connections are compared in order, each against
 * its whole expected form; only ports and timestamps are patterns (connections are numbered from 1 on each
 * server).
 */
class LogTest {

    /** ISO-8601 with milliseconds, as protocol.md shows. */
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static final String PEER = "127\\.0\\.0\\.1:\\d+";

    @Test
    void debugLevelLogsOneTimestampedLinePerConnectJoinAndLeaveWithItsReason() {
        Captured log = new Captured();
        run(log.oneStream(LogFormat.PLAIN, LogLevel.DEBUG), UnaryOperator.identity(), cave -> {
            cave.joinLegacy("alice").send(QUIT).expect(QUIT).expectEof();
            cave.joinLine("bob").close();
            Deadline.awaitLeaves(cave, DisconnectReason.CLOSED, 1);
        });
        assertLines(log.out(), TIMESTAMP + " (DEBUG|INFO ) .*", TIMESTAMP + " DEBUG ", List.of(
                "#1 connect from " + PEER,
                "#1 join alice \\(legacy\\)",
                "#1 leave alice: QUIT",
                "#2 connect from " + PEER,
                "#2 join bob \\(line\\)",
                "#2 leave bob: CLOSED"));
    }

    @Test
    void infoLevelLogsNothingAboutSingleConnectionsOnlyTheLifecycle() {
        Captured log = new Captured();
        run(log.twoStreams(LogFormat.PLAIN, LogLevel.INFO), c -> c.maxLineBytes(16), cave -> {
            WireClient alice = cave.greeted().send("a:b\n").expect(Notices.BAD_NAME + "\n")
                    .send("alice\n").expect(Notices.welcome("alice") + "\n");
            alice.send("x".repeat(17) + "\n").expect(Notices.lineTooLong(16) + "\n");
            alice.send(QUIT + "\n").expect(QUIT + "\n").expectEof();
            Deadline.awaitLeaves(cave, DisconnectReason.QUIT, 1);
        });
        assertEquals(List.of(), log.err());
        assertLines(log.out(), TIMESTAMP + " INFO  .*", "", List.of());
        assertEquals(2, log.out().size(), "the shutdown's two lines: " + log.out());
    }

    @Test
    void refusedNamesAreLoggedOnceThenCountedWhenTheConnectionJoinsOrEnds() {
        Captured log = new Captured();
        run(log.oneStream(LogFormat.JOURNAL, LogLevel.DEBUG), UnaryOperator.identity(), cave -> {
            WireClient dave = cave.greeted();
            for (int i = 0; i < 3; i++) {
                dave.send("a:b\n").expect(Notices.BAD_NAME + "\n");
            }
            dave.send("dave\n").expect(Notices.welcome("dave") + "\n");
            WireClient impostor = cave.greeted();
            impostor.send("dave\n").expect(Notices.taken("dave") + "\n");
            impostor.send("DAVE\n").expect(Notices.taken("DAVE") + "\n");
            impostor.close();
            Deadline.awaitLeaves(cave, DisconnectReason.CLOSED, 1);
        });
        assertLines(log.out(), "<[0-7]>.*", "<7>", List.of(
                "#1 connect from " + PEER,
                "#1 refused an invalid name",
                "#1 join dave \\(line\\); 3 names refused",
                "#2 connect from " + PEER,
                "#2 refused the name dave: taken",
                "#2 disconnect: CLOSED; 2 names refused"));
    }

    @Test
    void droppedLongLinesAreLoggedOnceThenCountedWhenTheConnectionEnds() {
        Captured log = new Captured();
        run(log.oneStream(LogFormat.JOURNAL, LogLevel.DEBUG), c -> c.maxLineBytes(16), cave -> {
            WireClient erin = cave.joinLine("erin");
            for (int i = 0; i < 3; i++) {
                erin.send("x".repeat(17) + "\n").expect(Notices.lineTooLong(16) + "\n");
            }
            erin.send(QUIT + "\n").expect(QUIT + "\n").expectEof();
            Deadline.awaitLeaves(cave, DisconnectReason.QUIT, 1);
        });
        assertLines(log.out(), "<[0-7]>.*", "<7>", List.of(
                "#1 connect from " + PEER,
                "#1 join erin \\(line\\)",
                "#1 dropped a line over 16 bytes",
                "#1 leave erin: QUIT; 3 lines dropped"));
    }

    @Test
    void plainLogWritesWarningsToStderrAndEverythingElseToStdout() {
        Captured log = new Captured();
        run(log.twoStreams(LogFormat.PLAIN, LogLevel.DEBUG), c -> c.maxConnections(1),
                LogTest::aMemberThenAConnectionTooManyThenAReset);
        assertLines(log.err(), TIMESTAMP + " WARN  .*", TIMESTAMP + " WARN  ", List.of(
                "#2 refused: 1 connections are open"));
        assertLines(log.out(), TIMESTAMP + " (DEBUG|INFO ) .*", TIMESTAMP + " DEBUG ", List.of(
                "#1 connect from " + PEER,
                "#1 join carol \\(line\\)",
                "#2 connect from " + PEER,
                "#2 disconnect: SERVER_FULL",
                "#1 leave carol: RESET"));
    }

    @Test
    void journalLogWritesEveryLineToStdoutWithItsSyslogPriorityAndNoTimestamp() {
        Captured log = new Captured();
        run(log.twoStreams(LogFormat.JOURNAL, LogLevel.DEBUG), c -> c.maxConnections(1),
                LogTest::aMemberThenAConnectionTooManyThenAReset);
        assertEquals(List.of(), log.err());
        assertLines(log.out(), "<[0-7]>.*", "", List.of(
                "<7>#1 connect from " + PEER,
                "<7>#1 join carol \\(line\\)",
                "<7>#2 connect from " + PEER,
                "<4>#2 refused: 1 connections are open",
                "<7>#2 disconnect: SERVER_FULL",
                "<7>#1 leave carol: RESET"));
        assertEquals("<6>shutting down: telling 0 connections", log.out().get(log.out().size() - 2));
    }

    @Test
    void aFullCaveIsWarnedOncePerIntervalAndTheNextWarningCountsTheOthers() {
        Captured log = new Captured();
        ManualClock clock = new ManualClock();
        run(log.oneStream(LogFormat.JOURNAL, LogLevel.WARN, clock), c -> c.maxConnections(1), cave -> {
            cave.joinLine("carol");
            for (int refused = 1; refused <= 5; refused++) {
                cave.connect().expect(Notices.FULL).expectEof();
                Deadline.awaitLeaves(cave, DisconnectReason.SERVER_FULL, refused);
            }
            clock.advance(ThrottledLog.INTERVAL);
            cave.connect().expect(Notices.FULL).expectEof();
            Deadline.awaitLeaves(cave, DisconnectReason.SERVER_FULL, 6);
        });
        assertEquals(List.of(
                "<4>#2 refused: 1 connections are open",
                "<4>#7 refused: 1 connections are open (4 more since the last such line)"), log.out());
    }

    @Test
    void eachLevelWritesItsOwnLinesAndThoseOfTheLevelsAboveIt() {
        for (LogLevel threshold : LogLevel.values()) {
            Captured log = new Captured();
            Log written = log.oneStream(LogFormat.JOURNAL, threshold, new ManualClock());
            written.error("e", new IllegalStateException("cause"));
            written.warn("w");
            written.info("i");
            written.debug("d");
            List<String> all = List.of("<3>e: java.lang.IllegalStateException: cause", "<4>w", "<6>i", "<7>d");
            assertEquals(all.subList(0, threshold.ordinal() + 1), log.out(), "at " + threshold);
        }
    }

    /** With room for one connection: carol joins, one more connection is refused, carol's connection is reset. */
    private static void aMemberThenAConnectionTooManyThenAReset(RunningServer cave) {
        WireClient carol = cave.joinLine("carol");
        cave.connect().expect(Notices.FULL).expectEof();
        Deadline.awaitLeaves(cave, DisconnectReason.SERVER_FULL, 1);
        carol.reset();
        Deadline.awaitLeaves(cave, DisconnectReason.RESET, 1);
    }

    /** Runs {@code scenario} against a server logging to {@code log}, then stops the server. */
    private static void run(Log log, UnaryOperator<DaemonConfig.Builder> tune, Consumer<RunningServer> scenario) {
        try (RunningServer cave = RunningServer.start(tune, log)) {
            scenario.accept(cave);
            cave.stopServer();
        }
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

    /** What a log wrote to its two streams, line by line. */
    private static final class Captured {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Log oneStream(LogFormat format, LogLevel threshold) {
            return oneStream(format, threshold, java.time.Clock.systemUTC());
        }

        Log oneStream(LogFormat format, LogLevel threshold, java.time.Clock clock) {
            PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
            return Log.to(both, both, format, threshold, clock);
        }

        Log twoStreams(LogFormat format, LogLevel threshold) {
            return Log.to(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), format, threshold);
        }

        List<String> out() {
            return out.toString(StandardCharsets.UTF_8).lines().toList();
        }

        List<String> err() {
            return err.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }
}
