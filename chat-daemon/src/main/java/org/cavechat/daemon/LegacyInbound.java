package org.cavechat.daemon;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The original's framing: every read of at most 1024 bytes is one message, as {@code recv(1024)} was, except
 * for a read that ends in the middle of a UTF-8 character. Such a read is held, whole, until the next read
 * shows whether the character goes on: if it does, the message is the held read plus the bytes that finish
 * the character (so a character cut by the 1024-byte boundary arrives whole), and the rest of the new read is
 * the next message; if it does not, or nothing arrives within the quiet time the event loop allows
 * ({@link #releaseHeld}), the held read is the message and its cut character becomes U+FFFD at its end, never
 * at the start of the next message. A read is at most two messages, so a read is never cut by flow control.
 */
final class LegacyInbound implements Inbound {
    /** A held read waiting for the end of its last character; null when none is held. */
    private byte[] held;

    @Override
    public int readLimit(int bufferCapacity) {
        return Math.min(bufferCapacity, Framing.LEGACY_READ_BYTES);
    }

    @Override
    public void accept(byte[] bytes, int offset, int length, Sink sink) {
        int start = offset;
        int end = offset + length;
        if (held != null) {
            int missing = Utf8.missingBytes(held, 0, held.length);
            int continuations = Utf8.leadingContinuations(bytes, start, end, missing);
            byte[] grown = Arrays.copyOf(held, held.length + continuations);
            System.arraycopy(bytes, start, grown, held.length, continuations);
            start += continuations;
            if (continuations < missing && start == end) {
                held = grown; // Still cut: the character spans three reads.
                return;
            }
            held = null;
            sink.message(new String(grown, StandardCharsets.UTF_8));
        }
        if (start == end) {
            return;
        }
        if (Utf8.missingBytes(bytes, start, end - start) > 0) {
            held = Arrays.copyOfRange(bytes, start, end);
            return;
        }
        sink.message(new String(bytes, start, end - start, StandardCharsets.UTF_8));
    }

    /** True while a read that ends in a cut character waits for its next read. */
    boolean holdsCutCharacter() {
        return held != null;
    }

    /** The quiet time is over (or the peer is gone): the held read is the message, its cut character U+FFFD. */
    void releaseHeld(Sink sink) {
        if (held != null) {
            byte[] message = held;
            held = null;
            sink.message(new String(message, StandardCharsets.UTF_8));
        }
    }

    @Override
    public boolean hasBacklog() {
        return false;
    }

    @Override
    public void resume(Sink sink) {
        // A legacy read is never cut, so there is never anything to resume.
    }

    @Override
    public int heldBytes() {
        return held == null ? 0 : held.length;
    }
}
