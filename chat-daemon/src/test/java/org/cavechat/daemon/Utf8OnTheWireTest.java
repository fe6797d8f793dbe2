package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.BAD_NAME;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.welcome;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * UTF-8 (original defect 6: invalid UTF-8 in a name killed its handler; and its 1024-byte reads cut multi-byte
 * characters, which the original clients then failed to decode). Invalid sequences become U+FFFD for every
 * reader; a legacy read that ends inside a character waits for the next read (at most 100 ms): a character cut
 * by a read boundary arrives whole, and one that is never finished becomes U+FFFD at the end of its own message.
 */
class Utf8OnTheWireTest {

    private static final String FFFD = "\uFFFD";

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void invalidUtf8InALegacyNameIsRefusedAndTheConnectionStaysUsable() {
        WireClient alice = cave.joinLine("alice");
        WireClient bob = cave.greeted().send(bytes("b", 0xFF, "ob")).expect(BAD_NAME);
        bob.send("bob").expect(welcome("bob"));
        alice.expect(joined("bob") + "\n");
    }

    @Test
    void invalidUtf8InALineNameIsRefusedAndTheConnectionStaysUsable() {
        WireClient bob = cave.greeted().send(bytes("b", 0xC3, 0x28, "ob\n")).expect(BAD_NAME + "\n");
        bob.send("bob\n").expect(welcome("bob") + "\n");
    }

    @Test
    void invalidUtf8InALegacyMessageReachesEveryReaderAsReplacementCharacters() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob"));
        // One U+FFFD per byte that cannot start a character (0xFF, 0xC0 and 0xAF can start none).
        alice.send(bytes("x", 0xFF, "y", 0xC0, 0xAF, "z"));
        String expected = message("alice", "x" + FFFD + "y" + FFFD + FFFD + "z");
        alice.expect(expected);
        bob.expect(expected + "\n");
    }

    @Test
    void invalidUtf8InALineMessageReachesEveryReaderAsReplacementCharacters() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob"));
        bob.send(bytes("x", 0xFE, "y\n"));
        alice.expect(message("bob", "x" + FFFD + "y"));
        bob.expect(message("bob", "x" + FFFD + "y") + "\n");
    }

    @Test
    void aTwoByteCharacterStraddlingThe1024ByteReadBoundaryIsNotCut() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob"));
        String head = "a".repeat(1023);
        alice.send(head + "éb");
        alice.expect(message("alice", head + "é")).expect(message("alice", "b"));
        bob.expect(message("alice", head + "é") + "\n" + message("alice", "b") + "\n");
    }

    @Test
    void aFourByteCharacterStraddlingThe1024ByteReadBoundaryIsNotCut() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob"));
        String head = "a".repeat(1022);
        alice.send(head + "😀😀");
        alice.expect(message("alice", head + "😀")).expect(message("alice", "😀"));
        bob.expect(message("alice", head + "😀") + "\n" + message("alice", "😀") + "\n");
    }

    @Test
    void aCutCharacterFinishedByTheNextReadEndsTheMessageItWasCutFrom() {
        WireClient alice = cave.joinLegacy("alice");
        sendAndAwaitRead(alice, bytes("caf", 0xC3));
        alice.send(bytes(0xA9, "!"));
        alice.expect(message("alice", "café")).expect(message("alice", "!"));
    }

    @Test
    void aCutCharacterThatTheNextReadDoesNotFinishBecomesReplacementAtTheEndOfItsOwnMessage() {
        WireClient alice = cave.joinLegacy("alice");
        sendAndAwaitRead(alice, bytes("abc", 0xE2, 0x82));
        alice.send("d");
        alice.expect(message("alice", "abc" + FFFD)).expect(message("alice", "d"));
    }

    @Test
    void aQuitAfterACutCharacterStillQuits() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob"));
        sendAndAwaitRead(alice, bytes("hi", 0xE2, 0x82));
        alice.send("{quit}");
        alice.expect(message("alice", "hi" + FFFD)).expect("{quit}").expectEof();
        bob.expect(message("alice", "hi" + FFFD) + "\n" + Notices.left("alice") + "\n");
    }

    @Test
    void aCutCharacterWithNothingAfterItIsReleasedAfterTheQuietTime() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob"));
        alice.send(bytes("hi", 0xC3));
        bob.expect(message("alice", "hi" + FFFD) + "\n");
        alice.expect(message("alice", "hi" + FFFD));
    }

    @Test
    void aCutCharacterBeforeTheConnectionClosesIsRelayedBeforeTheLeaveNotice() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLine("bob");
        alice.expect(joined("bob"));
        sendAndAwaitRead(alice, bytes("bye", 0xF0, 0x9F));
        alice.halfClose();
        bob.expect(message("alice", "bye" + FFFD) + "\n" + Notices.left("alice") + "\n");
    }

    /** Sends and waits until the daemon has read it, so the next send is a read of its own. */
    private void sendAndAwaitRead(WireClient client, byte[] bytes) {
        long before = cave.stats().bytesIn();
        client.send(bytes);
        Deadline.awaitEquals("bytes read", before + bytes.length, () -> cave.stats().bytesIn());
    }

    @Test
    void aMultiByteCharacterSplitAcrossLineFramedReadsArrivesWhole() {
        WireClient alice = cave.joinLine("alice");
        long before = cave.stats().bytesIn();
        alice.send(bytes("caf", 0xC3));
        Deadline.awaitEquals("bytes read", before + 4, () -> cave.stats().bytesIn());
        alice.send(bytes(0xA9, "\n"));
        alice.expect(message("alice", "café") + "\n");
    }

    /** Concatenates strings (as UTF-8) and single byte values, so a test can write invalid sequences inline. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
