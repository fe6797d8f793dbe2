package org.cavechat.bots;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream that arrives in arbitrary pieces into text. A multi-byte character cut at
 * the end of a piece is held back (at most 3 bytes) and completed by the next piece; invalid bytes
 * become U+FFFD, as the server itself does. Not thread-safe: one per connection.
 */
final class Utf8Text {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer held = ByteBuffer.allocate(4);

    /** Returns the text of {@code bytes} that is complete so far. */
    String decode(byte[] bytes, int offset, int length) {
        ByteBuffer in;
        if (held.position() == 0) {
            in = ByteBuffer.wrap(bytes, offset, length);
        } else {
            held.flip();
            in = ByteBuffer.allocate(held.remaining() + length).put(held).put(bytes, offset, length).flip();
            held.clear();
        }
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        held.put(in);
        return out.flip().toString();
    }

    /** True when the last piece ended inside a multi-byte character. */
    boolean holdsPartialCharacter() {
        return held.position() > 0;
    }

    /** The end of the stream: a partial character that never completed becomes U+FFFD. */
    String finish() {
        held.flip();
        CharBuffer out = CharBuffer.allocate(held.remaining() + 1);
        decoder.decode(held, out, true);
        decoder.flush(out);
        held.clear();
        decoder.reset();
        return out.flip().toString();
    }
}
