package org.cavechat.bots;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a client frames what it sends and how the server frames what it sends back
 * (docs/protocol.md, "Two framings, one room"). The one framing model of every client here: the
 * library, the scripts, the swarm and the benchmarks.
 */
public enum Framing {
    /** The original's: no delimiter at all; every write is one message. */
    LEGACY(""),
    /** Every item is a line ended by {@code \n}. */
    LINE("\n");

    private final String terminator;

    Framing(String terminator) {
        this.terminator = terminator;
    }

    /** The bytes that end an item or a message: nothing in legacy framing, {@code \n} in line framing. */
    public byte[] terminator() {
        return terminator.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code text} as one item or message on the wire, in UTF-8: the text, then the terminator. */
    public byte[] frame(String text) {
        return (text + terminator).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The framing named {@code legacy} or {@code line}, in any case.
     *
     * @throws IllegalArgumentException naming the word and the two framings
     */
    public static Framing named(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "legacy" -> LEGACY;
            case "line" -> LINE;
            default -> throw new IllegalArgumentException("unknown framing '" + word + "' (legacy or line)");
        };
    }
}
