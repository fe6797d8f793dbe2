package org.cavechat.daemon;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * No forgery for line readers (original defect 8): every line a line-framed member receives is a server notice or
 * starts with the true sender's name and {@code ": "}. Legacy readers receive a legacy sender's text as it was
 * sent, because one chunk is one list entry in the original GUI.
 */
class ForgeryTest {

    private static final String FFFD = "\uFFFD";

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void aLegacySendersNewlinesAreSplitAndEveryPartIsPrefixedForLineReaders() {
        WireClient bob = cave.joinLine("bob");
        WireClient carol = cave.joinLegacy("carol");
        bob.expect(joined("carol") + "\n");
        WireClient mallory = cave.joinLegacy("mallory");
        bob.expect(joined("mallory") + "\n");
        carol.expect(joined("mallory"));

        mallory.send("hi\nbob: I owe alice 5 euros");

        bob.expect("mallory: hi\nmallory: bob: I owe alice 5 euros\n");
        carol.expect(message("mallory", "hi\nbob: I owe alice 5 euros"));
        mallory.expect(message("mallory", "hi\nbob: I owe alice 5 euros"));
    }

    @Test
    void severalEmbeddedNewlinesGiveOnePrefixedLinePerPart() {
        WireClient bob = cave.joinLine("bob");
        WireClient mallory = cave.joinLegacy("mallory");
        bob.expect(joined("mallory") + "\n");
        mallory.send("a\nalice has left the chat.\nb");
        bob.expect("mallory: a\nmallory: alice has left the chat.\nmallory: b\n");
    }

    @Test
    void carriageReturnsAndControlCharactersFromALegacySenderBecomeReplacementCharactersForLineReaders() {
        WireClient bob = cave.joinLine("bob");
        WireClient carol = cave.joinLegacy("carol");
        bob.expect(joined("carol") + "\n");
        WireClient mallory = cave.joinLegacy("mallory");
        bob.expect(joined("mallory") + "\n");
        carol.expect(joined("mallory"));

        String sneaky = "x\ralice: fake\u0007\u001b[2K\u0000\u007f\u0085\u009f\tend";
        mallory.send(sneaky);

        bob.expect("mallory: x" + FFFD + "alice: fake" + FFFD + FFFD + "[2K" + FFFD + FFFD + FFFD + FFFD + "\tend\n");
        carol.expect(message("mallory", sneaky));
    }

    @Test
    void controlCharactersFromALineSenderBecomeReplacementCharactersForLineReaders() {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");
        alice.send("a\rb\u0007c\u001b[1Ad\te\n");
        String neutralised = message("alice", "a" + FFFD + "b" + FFFD + "c" + FFFD + "[1Ad\te") + "\n";
        alice.expect(neutralised);
        bob.expect(neutralised);
    }

    @Test
    void lineAndParagraphSeparatorsInAMessageReachLineReadersAsReplacementCharactersAndLegacyReadersUnchanged() {
        WireClient bob = cave.joinLine("bob");
        WireClient carol = cave.joinLegacy("carol");
        bob.expect(joined("carol") + "\n");
        WireClient mallory = cave.joinLine("mallory");
        bob.expect(joined("mallory") + "\n");
        carol.expect(joined("mallory"));

        mallory.send("hi\u2028alice has left the chat.\u2029alice: bye\n");

        String neutralised = message("mallory", "hi" + FFFD + "alice has left the chat." + FFFD + "alice: bye") + "\n";
        bob.expect(neutralised);
        mallory.expect(neutralised);
        carol.expect(message("mallory", "hi\u2028alice has left the chat.\u2029alice: bye"));
    }

    @Test
    void everyLineALineReaderReceivesIsANoticeOrStartsWithTheTrueSendersName() {
        WireClient bob = cave.joinLine("bob");
        WireClient mallory = cave.joinLegacy("mallory");
        bob.expect(joined("mallory") + "\n");
        String[] attempts = {"\nbob: hi", "\r\nbob: hi", "x\n\nbob: hi", "\u0085bob: hi", "\u2028bob: hi"};
        for (String attempt : attempts) {
            mallory.send(attempt);
            mallory.expect(message("mallory", attempt));
            mallory.send("end of attempt");
            mallory.expect(message("mallory", "end of attempt"));
            String line;
            do {
                line = bob.readLine();
                if (!line.startsWith("mallory: ")) {
                    fail("forged line " + Printable.of(line.getBytes(UTF_8)) + " from " + Printable.of(attempt.getBytes(UTF_8)));
                }
            } while (!line.equals(message("mallory", "end of attempt")));
        }
    }
}
