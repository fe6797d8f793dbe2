package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.QUIT;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.lineTooLong;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Line framing (netcat, telnet, the bots): a name ending in {@code \n} makes the connection line-framed; every
 * line is one message however it was split into reads, and every item sent back ends with {@code \n}.
 * Where a test needs the server to have read a part before the rest is sent, it waits for
 * {@link DaemonStats#bytesIn()} to count that part.
 */
class LineFramingTest {

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void everyItemSentToALineMemberEndsWithNewlineInTheOrderOfTheTable() {
        WireClient alice = cave.connect().expect(GREETING).send("alice\n").expect(welcome("alice") + "\n");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");
        alice.send("hi\n");
        alice.expect(message("alice", "hi") + "\n");
        bob.expect(message("alice", "hi") + "\n");
        bob.send(QUIT + "\n");
        bob.expect(QUIT + "\n").expectEof();
        alice.expect(left("bob") + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\n", "alice\r\n"})
    void nameIsTrimmedOfCarriageReturnAndLineFeed(String typed) {
        WireClient alice = cave.greeted().send(typed).expect(welcome("alice") + "\n");
        alice.send("hi\n").expect(message("alice", "hi") + "\n");
    }

    @Test
    void bytesAfterTheNamesNewlineAreTheStartOfTheFirstMessage() {
        WireClient bob = cave.joinLine("bob");
        WireClient alice = cave.greeted().send("alice\nhel");
        alice.expect(welcome("alice") + "\n");
        bob.expect(joined("alice") + "\n");
        alice.send("lo\n");
        alice.expect(message("alice", "hello") + "\n");
        bob.expect(message("alice", "hello") + "\n");
    }

    @Test
    void aNameAndAQuitLineInOneWriteJoinAndLeaveInThatOrder() {
        WireClient bob = cave.joinLine("bob");
        cave.greeted().send("alice\n{quit}\n").expect(welcome("alice") + "\n" + QUIT + "\n").expectEof();
        bob.expect(joined("alice") + "\n" + left("alice") + "\n");
        bob.send("marker\n").expect(message("bob", "marker") + "\n");
    }

    @Test
    void aLineSplitAcrossManyReadsIsReassembledIntoOneMessage() {
        WireClient alice = cave.joinLine("alice");
        long before = cave.stats().bytesIn();
        alice.send("he");
        Deadline.awaitEquals("bytes read", before + 2, () -> cave.stats().bytesIn());
        alice.send("ll");
        Deadline.awaitEquals("bytes read", before + 4, () -> cave.stats().bytesIn());
        alice.send("o\n");
        alice.expect(message("alice", "hello") + "\n");
        assertEquals(1, cave.stats().messagesIn());
    }

    @Test
    void manyLinesInOneWriteAreSeparateMessagesInOrder() {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");
        alice.send("one\ntwo\r\nthree\n");
        for (WireClient member : new WireClient[] {alice, bob}) {
            member.expect(message("alice", "one") + "\n"
                    + message("alice", "two") + "\n"
                    + message("alice", "three") + "\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\n\n\r\n"})
    void anEmptyLineIsIgnored(String empty) {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");
        alice.send(empty);
        alice.send("marker\n");
        alice.expect(message("alice", "marker") + "\n");
        bob.expect(message("alice", "marker") + "\n");
        assertEquals(1, cave.stats().messagesIn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{quit}\n", "{quit}\r\n"})
    void theLineQuitQuits(String quitLine) {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob") + "\n");
        bob.send(quitLine);
        bob.expect(QUIT + "\n").expectEof();
        alice.expect(left("bob") + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{QUIT}", " {quit}", "{quit} ", "{quit}{quit}"})
    void aLineThatIsNotExactlyQuitIsRelayedAsText(String almostQuit) {
        WireClient alice = cave.joinLine("alice");
        alice.send(almostQuit + "\n").expect(message("alice", almostQuit) + "\n");
        alice.send("still here\n").expect(message("alice", "still here") + "\n");
    }

    @Test
    void aLineOfExactlyTheCapIsRelayed() {
        try (RunningServer capped = RunningServer.start(c -> c.maxLineBytes(16))) {
            WireClient alice = capped.joinLine("alice");
            alice.send("0123456789abcdef\n").expect(message("alice", "0123456789abcdef") + "\n");
        }
    }

    @Test
    void aLineOneByteOverTheCapIsDroppedAndOnlyTheSenderIsTold() {
        try (RunningServer capped = RunningServer.start(c -> c.maxLineBytes(16))) {
            WireClient alice = capped.joinLine("alice");
            WireClient bob = capped.joinLine("bob");
            alice.expect(joined("bob") + "\n");
            alice.send("0123456789abcdefg\n");
            alice.send("ok\n");
            alice.expect(lineTooLong(16) + "\n").expect(message("alice", "ok") + "\n");
            bob.expect(message("alice", "ok") + "\n");
        }
    }

    @Test
    void aHugeLineSentInManyWritesIsDroppedWithOneNoticeAndTheConnectionStays() {
        try (RunningServer capped = RunningServer.start(c -> c.maxLineBytes(64))) {
            WireClient alice = capped.joinLine("alice");
            WireClient bob = capped.joinLine("bob");
            alice.expect(joined("bob") + "\n");
            byte[] chunk = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                alice.send(chunk);
            }
            alice.send("\nok\n");
            alice.expect(lineTooLong(64) + "\n").expect(message("alice", "ok") + "\n");
            bob.expect(message("alice", "ok") + "\n");
            assertEquals(2, capped.stats().connectionsOpen());
        }
    }

    @Test
    void forcedLineFramingWaitsForTheNewlineOfTheName() {
        try (RunningServer lines = RunningServer.start(c -> c.framing(FramingPolicy.LINE))) {
            // Under forced line framing the framing is known before the greeting, so the greeting is a line too.
            WireClient alice = lines.connect().expect(GREETING + "\n");
            alice.send("ali");
            Deadline.awaitEquals("bytes read", 3, () -> lines.stats().bytesIn());
            alice.send("ce\n").expect(welcome("alice") + "\n");
        }
    }

    @Test
    void forcedLegacyFramingTakesTheWholeFirstChunkAsTheNameSoANewlineMakesItInvalid() {
        try (RunningServer legacy = RunningServer.start(c -> c.framing(FramingPolicy.LEGACY))) {
            WireClient alice = legacy.greeted().send("alice\n").expect(Notices.BAD_NAME);
            alice.send("alice").expect(welcome("alice"));
            alice.send("hi\n").expect(message("alice", "hi\n"));
        }
    }
}
