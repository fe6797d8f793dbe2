package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.cavechat.bots.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CompareCommandTest {
    private static final String SEP = System.lineSeparator();

    /** Runs {@code chat-bots compare} through the real command line, so the error prefix is the user's. */
    private static CommandRun compare(Path a, Path b) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute("compare", a.toString(), b.toString());
        return new CommandRun(code, out.toString(), err.toString());
    }

    private static Path fixture(String name) {
        try {
            return Path.of(CompareCommandTest.class.getResource("/compare/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void equalRunsPrintEveryFigureUnchangedAndExitZero() {
        CommandRun run = compare(fixture("baseline"), fixture("baseline/summary.json"));
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("A  " + fixture("baseline/summary.json") + SEP
                + "B  " + fixture("baseline/summary.json") + SEP
                + "                      A              B     change" + SEP
                + "p50             1.20 ms        1.20 ms          =" + SEP
                + "p90             2.50 ms        2.50 ms          =" + SEP
                + "p99             10.0 ms        10.0 ms          =" + SEP
                + "p99.9           14.0 ms        14.0 ms          =" + SEP
                + "max             16.0 ms        16.0 ms          =" + SEP
                + "rate              100/s          100/s          =" + SEP
                + "loss            0.0000%        0.0000%          =" + SEP
                + "verdict            PASS           PASS          =" + SEP
                + "no regression" + SEP, run.out());
        assertEquals("", run.err());
    }

    @Test
    void p99MoreThanTenPercentAndOneMillisecondWorseIsARegressionNamedWithExitOne() {
        CommandRun run = compare(fixture("baseline"), fixture("slower-p99.json"));
        assertEquals(1, run.code(), run.out() + run.err());
        assertEquals(1, run.out().lines().filter(l -> l.startsWith("REGRESSION")).count(), run.out());
        assertEquals("p99             10.0 ms        12.0 ms     +20.0%",
                run.out().lines().filter(l -> l.startsWith("p99 ")).findFirst().orElseThrow());
        assertEquals("REGRESSION: p99 10.0 ms -> 12.0 ms (more than 10% and 1 ms worse)",
                run.out().lines().toList().getLast());
    }

    @Test
    void theSameP99ChangeTheOtherWayIsNoRegression() {
        CommandRun run = compare(fixture("slower-p99.json"), fixture("baseline"));
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("no regression", run.out().lines().toList().getLast());
    }

    @Test
    void lossALowerRateAndAFailWhereAPassedAreEachNamedWhileASmallP99RiseIsNot() {
        CommandRun run = compare(fixture("baseline"), fixture("lossy-and-slow.json"));
        assertEquals(1, run.code(), run.out() + run.err());
        assertEquals(java.util.List.of(
                "REGRESSION: loss 10 deliveries where A lost none",
                "REGRESSION: achieved rate 100/s -> 90.0/s (more than 5% lower)",
                "REGRESSION: verdict PASS -> FAIL"),
                run.out().lines().filter(l -> l.startsWith("REGRESSION")).toList());
    }

    @Test
    void missingFileExitsTwoWithOneLineNamingIt() {
        Path missing = fixture("baseline").resolveSibling("no-such-run");
        CommandRun run = compare(fixture("baseline"), missing);
        assertEquals(2, run.code());
        assertEquals("", run.out());
        assertEquals("chat-bots compare: " + missing + ": no such file" + SEP, run.err());
    }

    @Test
    void fileThatIsNotASwarmSummaryExitsTwoSayingWhatIsMissing() {
        CommandRun run = compare(fixture("not-a-summary.json"), fixture("baseline"));
        assertEquals(2, run.code());
        assertEquals("chat-bots compare: " + fixture("not-a-summary.json")
                + ": no number at latencyMs.p50 (not a swarm summary.json?)" + SEP, run.err());
    }

    @Test
    void oneRunOnlyIsAUsageErrorExitingTwo() {
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertEquals(2, line.execute("compare", fixture("baseline").toString()));
        assertEquals("chat-bots compare: Missing required parameter: 'B' (see --help)",
                err.toString().lines().findFirst().orElseThrow());
    }
}
