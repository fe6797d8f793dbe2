package org.cavechat.daemon;

/**
 * Turns the bytes of successive reads into messages, for one connection in one {@link Framing}. The first
 * stage of bytes -> messages -> meaning; each implementation caps what it holds. Event-loop thread only.
 */
sealed interface Inbound permits LegacyInbound, LineInbound {

    /** Receives the messages an {@link Inbound} cut out of the bytes. */
    interface Sink {
        /**
         * A complete message, decoded (invalid UTF-8 replaced by U+FFFD).
         *
         * @return true to go on; false to stop after this message: flow control wants the output it caused
         *     written first, and the decoder keeps the rest of the read until {@link #resume}
         */
        boolean message(String text);

        /** A line longer than the cap was dropped. */
        void lineTooLong();
    }

    /** The largest read this decoder wants next: the legacy framing's reads are the messages. */
    int readLimit(int bufferCapacity);

    /** Feeds the bytes of one read; calls {@code sink} once per complete message, in order, until it says stop. */
    void accept(byte[] bytes, int offset, int length, Sink sink);

    /** True while input that {@link Sink#message} stopped is waiting: the socket is not read until it is taken. */
    boolean hasBacklog();

    /** Goes on with the input a stop left waiting, as {@link #accept} would have. */
    void resume(Sink sink);

    /** Bytes this decoder holds on to between reads: a partial line, a backlog, a held legacy read. */
    int heldBytes();

    static Inbound of(Framing framing, int maxLineBytes) {
        return framing == Framing.LEGACY ? new LegacyInbound() : new LineInbound(maxLineBytes);
    }
}
