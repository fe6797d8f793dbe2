package org.cavechat.bench;

import java.nio.charset.StandardCharsets;

/**
 * How a benchmark's listening members frame themselves, which decides how the server writes to
 * them: {@code LINE} members get newline-terminated items that CaveChat coalesces into one write per
 * drain; {@code LEGACY} members (the original clients) get every item as a write of its own.
 */
public enum ClientFraming {
    LINE("\n"),
    LEGACY("");

    private final String terminator;

    ClientFraming(String terminator) {
        this.terminator = terminator;
    }

    /** The bytes the server sends for {@code item} to a member of this framing. */
    byte[] encode(String item) {
        return (item + terminator).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes a member of this framing sends as its name. */
    byte[] name(String name) {
        return encode(name);
    }
}
