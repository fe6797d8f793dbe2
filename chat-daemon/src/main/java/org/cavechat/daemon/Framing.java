package org.cavechat.daemon;

/** How bytes are cut into messages on one connection, in both directions. */
enum Framing {
    /**
     * The original's: no delimiter. Each read of at most {@link #LEGACY_READ_BYTES} bytes is one message and each
     * item is written on its own, with nothing added.
     */
    LEGACY,
    /** Each message is a line ended by {@code \n}; each item written ends with {@code \n}. */
    LINE;

    /** The original's {@code recv(1024)}. */
    static final int LEGACY_READ_BYTES = 1024;
}
