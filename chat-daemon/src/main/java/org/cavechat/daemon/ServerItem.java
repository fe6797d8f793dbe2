package org.cavechat.daemon;

/**
 * What the server says, as data. Every item is one write in legacy framing and one line in line framing;
 * {@link ItemEncoder} is the one place that turns items into bytes. No server text contains a colon, so a
 * line with {@code <name>: } is always a member's message (docs/protocol.md).
 */
sealed interface ServerItem {

    /** Row 1: right after accept. */
    record Hello(Greeting greeting) implements ServerItem {}

    /** Row 3: to the joiner only. */
    record Welcome(String name) implements ServerItem {}

    /** Row 4: to every member but the joiner. */
    record Joined(String name) implements ServerItem {}

    /** Row 5: a member's message, to every member including the sender. */
    record Chat(String sender, String text) implements ServerItem {}

    /** Row 6: the answer to {@code {quit}}, just before the server closes the connection. */
    record QuitEcho() implements ServerItem {}

    /** Row 7: to the remaining members, whatever the reason the member went. */
    record Left(String name) implements ServerItem {}

    /** Row 8: the name belongs to a member already. */
    record NameTaken(String name) implements ServerItem {}

    /** Row 8: the name breaks the first rules of {@link NamePolicy} (length, colon, control characters). */
    record NameInvalid() implements ServerItem {}

    /** Row 8: the name could pass for another member's, or shows nothing ({@link NamePolicy.Verdict#MISLEADING}). */
    record NameMisleading() implements ServerItem {}

    /** Row 9: instead of the greeting, when the connection limit is reached. */
    record ServerFull() implements ServerItem {}

    /** Row 10: no acceptable name in time. */
    record NameTimedOut() implements ServerItem {}

    /** Row 11: a line-framed message over the cap was dropped. */
    record LineTooLong(int maxBytes) implements ServerItem {}

    /** Row 12: the server is stopping. */
    record ShuttingDown() implements ServerItem {}
}
