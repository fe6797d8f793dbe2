package org.cavechat.bots;

import java.util.Collection;
import java.util.List;

/**
 * Turns the bytes a server sends into {@link ChatEvent}s, for one connection in one framing. Feed it
 * every read, in order, with the read's own boundaries: legacy framing uses them (see
 * {@link LegacyDecoder}). Not thread-safe: one per connection, used by the thread that reads.
 */
public sealed interface EventDecoder permits LineDecoder, LegacyDecoder {

    /** A decoder for a fresh connection in {@code framing}. */
    static EventDecoder of(Framing framing) {
        return framing == Framing.LINE ? new LineDecoder() : new LegacyDecoder();
    }

    /** The events completed by one read of {@code length} bytes. */
    List<ChatEvent> decode(byte[] bytes, int offset, int length);

    /** The events left when the stream ends, followed by {@link ChatEvent.EndOfStream}. */
    List<ChatEvent> endOfStream();

    /**
     * Tells the decoder member names it may meet. Legacy framing needs them to find where one item
     * ends and the next begins; line framing ignores them.
     */
    void knowNames(Collection<String> names);

    /**
     * Tells the decoder that the client sent {@code {quit}}, so an echo may follow. Legacy framing
     * needs it to split a {@code {quit}} echo that coalesced behind another item; line framing
     * ignores it.
     */
    void quitSent();
}
