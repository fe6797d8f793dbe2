package org.cavechat.bots;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptParserTest {

    private static Script parse(String text) throws ScriptException {
        return ScriptParser.parse("t.chat", text);
    }

    private static String error(String text) {
        return assertThrows(ScriptException.class, () -> parse(text)).getMessage();
    }

    @Test
    void everyVerbParsesIntoItsStepWithLineAndSource() throws Exception {
        Script script = parse("""
                # A title
                # that goes on
                # covers: I1, I3
                connect alice line
                connect bob legacy nogreeting

                join alice
                join bob "Bob Smith"
                send alice hi there
                raw bob hex 7b 71 75 69 74 7d
                expect alice alice: hi there
                match bob alice: .*
                expect-nothing bob 250ms
                expect-nothing alice
                expect-eof alice
                quit alice
                reset bob
                half-close alice
                close alice
                pause 10ms
                timeout 5s
                """);
        assertEquals("A title that goes on", script.title());
        assertEquals("I1, I3", script.covers());
        List<Step> steps = script.steps();
        assertEquals(new Step.Connect(4, "connect alice line", "alice", Framing.LINE, true), steps.get(0));
        assertEquals(new Step.Connect(5, "connect bob legacy nogreeting", "bob", Framing.LEGACY, false), steps.get(1));
        assertEquals(new Step.Join(7, "join alice", "alice", "alice"), steps.get(2));
        assertEquals(new Step.Join(8, "join bob \"Bob Smith\"", "bob", "Bob Smith"), steps.get(3));
        assertArrayEquals("hi there".getBytes(UTF_8), ((Step.Send) steps.get(4)).text());
        assertArrayEquals("{quit}".getBytes(UTF_8), ((Step.Raw) steps.get(5)).bytes());
        assertEquals(new Step.Expect(11, "expect alice alice: hi there", "alice", "alice: hi there"), steps.get(6));
        assertEquals("alice: .*", ((Step.Match) steps.get(7)).pattern().pattern());
        assertEquals(Duration.ofMillis(250), ((Step.ExpectNothing) steps.get(8)).quiet());
        assertEquals(null, ((Step.ExpectNothing) steps.get(9)).quiet());
        assertEquals(new Step.ExpectEof(15, "expect-eof alice", "alice"), steps.get(10));
        assertEquals(new Step.Quit(16, "quit alice", "alice"), steps.get(11));
        assertEquals(new Step.Reset(17, "reset bob", "bob"), steps.get(12));
        assertEquals(new Step.HalfClose(18, "half-close alice", "alice"), steps.get(13));
        assertEquals(new Step.Close(19, "close alice", "alice"), steps.get(14));
        assertEquals(new Step.Pause(20, "pause 10ms", Duration.ofMillis(10)), steps.get(15));
        assertEquals(new Step.Timeout(21, "timeout 5s", Duration.ofSeconds(5)), steps.get(16));
        assertEquals(17, steps.size());
    }

    @Test
    void quotedLiteralsUnderstandEscapesRawBytesAndRepetition() throws Exception {
        Script script = parse("""
                connect a legacy
                raw a "x\\n\\r\\t\\0\\\\\\"\\xff\\u{20AC}"
                send a "ab" * 3
                send a ""
                """);
        assertArrayEquals(new byte[] {'x', '\n', '\r', '\t', 0, '\\', '"', (byte) 0xff, (byte) 0xe2, (byte) 0x82,
            (byte) 0xac}, ((Step.Raw) script.steps().get(1)).bytes());
        assertArrayEquals("ababab".getBytes(UTF_8), ((Step.Send) script.steps().get(2)).text());
        assertArrayEquals(new byte[0], ((Step.Send) script.steps().get(3)).text());
    }

    @Test
    void bareTextKeepsInnerSpacesAndHashesButNotTheEnds() throws Exception {
        Script script = parse("connect a line\nexpect a   alice: a  #1 hit  \n");
        assertEquals("alice: a  #1 hit", ((Step.Expect) script.steps().get(1)).item());
    }

    @Test
    void windowsLineEndingsAreAccepted() throws Exception {
        assertEquals(2, parse("connect a line\r\nquit a\r\n").steps().size());
    }

    @Test
    void anUnknownVerbIsReportedWithFileAndLine() {
        assertEquals("t.chat:2: unknown verb 'shout' (known: connect, join, send, raw, expect, match,"
                + " expect-nothing, expect-eof, quit, reset, half-close, close, pause, timeout)",
                error("connect a line\nshout a hi\n"));
    }

    @Test
    void aBotUsedBeforeItConnectsIsAnError() {
        assertEquals("t.chat:1: bot bob is used before it connects", error("send bob hi"));
    }

    @Test
    void malformedArgumentsAreErrorsThatSayWhatIsWrong() {
        assertEquals("t.chat:1: unknown framing 'tcp' (legacy or line)", error("connect a tcp"));
        assertEquals("t.chat:1: missing a framing (legacy or line)", error("connect a"));
        assertEquals("t.chat:1: '9lives' is not a bot name (a letter, then up to 31 letters, digits, - or _)",
                error("connect 9lives line"));
        assertEquals("t.chat:2: missing a text (write \"\" for an empty one)", error("connect a line\nsend a"));
        assertEquals("t.chat:2: missing closing quote", error("connect a line\nsend a \"open"));
        assertEquals("t.chat:2: \\x needs two hex digits", error("connect a line\nraw a \"\\xg1\""));
        assertEquals("t.chat:2: unknown escape \\q", error("connect a line\nsend a \"\\q\""));
        assertEquals("t.chat:2: text after the closing quote: junk", error("connect a line\nsend a \"x\" junk"));
        assertEquals("t.chat:2: hex needs pairs of hex digits, like: hex 41 ff 0a", error("connect a line\nraw a hex 4"));
        assertEquals("t.chat:2: raw needs a \"quoted literal\" or hex HH HH ...", error("connect a line\nraw a hi"));
        assertEquals("t.chat:1: 'soon' is not a duration (write 250ms, 2s, 5m, 1h or PT5M)", error("pause soon"));
        assertEquals("t.chat:1: unexpected 'now' at the end of the line", error("pause 1s now"));
        assertEquals("t.chat:1: a timeout must be longer than zero", error("timeout 0s"));
        assertEquals("t.chat:2: bad regular expression: Unclosed group", error("connect a line\nmatch a (x"));
        assertEquals("t.chat:2: unexpected 'now' at the end of the line", error("connect a line\nquit a now"));
    }

    @Test
    void aDurationFollowsTheDaemonsOneRuleFromZeroToAYear() throws Exception {
        assertEquals("t.chat:1: 'PT-1S' is negative: a duration is 0 or more", error("pause PT-1S"));
        assertEquals("t.chat:1: '8761h' is longer than the longest duration, 8760h (365 days)", error("timeout 8761h"));
        assertEquals(new Step.Pause(1, "pause 0ms", Duration.ZERO), parse("pause 0ms").steps().getFirst());
    }

    @Test
    void aScriptWithoutStepsIsAnError() {
        assertEquals("t.chat: the script has no steps", error("# only a comment\n\n"));
    }

    @Test
    void readingAFileReportsAMissingFileOrBadEncodingInOneLine(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.chat");
        assertEquals(missing + ": no such file",
                assertThrows(ScriptException.class, () -> ScriptParser.read(missing)).getMessage());
        Path latin1 = Files.write(dir.resolve("latin1.chat"), new byte[] {'#', ' ', (byte) 0xe9, '\n'});
        assertEquals(latin1 + ": not UTF-8 text",
                assertThrows(ScriptException.class, () -> ScriptParser.read(latin1)).getMessage());
    }

    @Test
    void scriptsKnowWhichFramingsTheyUse() throws Exception {
        assertEquals("legacy", parse("connect a legacy").framings());
        assertEquals("line", parse("connect a line").framings());
        assertEquals("mixed", parse("connect a line\nconnect b legacy").framings());
        assertEquals(true, parse("connect a legacy").legacyOnly());
        assertEquals(false, parse("connect a legacy\nconnect b line").legacyOnly());
    }
}
