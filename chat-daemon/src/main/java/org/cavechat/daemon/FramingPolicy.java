package org.cavechat.daemon;

/** How the server chooses a connection's {@link Framing}: from its first read, or forced for everybody. */
public enum FramingPolicy {
    /** Line framing when the first read contains {@code \n}, legacy framing otherwise. */
    AUTO,
    /** Every connection is served as the original served it. */
    LEGACY,
    /** Every connection is line-framed. */
    LINE
}
