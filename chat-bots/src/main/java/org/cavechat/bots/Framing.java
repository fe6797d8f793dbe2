package org.cavechat.bots;

/**
 * How a client frames what it sends and how the server frames what it sends back
 * (docs/protocol.md, "Two framings, one room").
 */
public enum Framing {
    /** The original's: no delimiter at all; every write is one message. */
    LEGACY,
    /** Every item is a line ended by {@code \n}. */
    LINE
}
