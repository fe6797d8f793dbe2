package org.cavechat.daemon;

/**
 * What the server says, as data. Every item is one write in legacy framing and one line in line framing;
 * {@link ItemEncoder} is the one place that turns items into bytes. No server text contains a colon, so a
 * line with {@code <name>: } is always a member's message (docs/protocol.md).
 */
sealed interface ServerItem {

    /** Item 1 of docs/protocol.md: right after accept. */
    record Hello(Greeting greeting) implements ServerItem {}

    /** Item 3 of docs/protocol.md: to the joiner only. */
    record Welcome(String name) implements ServerItem {}

    /** Item 4 of docs/protocol.md: to every member but the joiner. */
    record Joined(String name) implements ServerItem {}

    /** Item 5 of docs/protocol.md: a member's message, to every member including the sender. */
    record Chat(String sender, String text) implements ServerItem {}

    /** Item 6 of docs/protocol.md: the answer to {@code {quit}}, just before the server closes the connection. */
    record QuitEcho() implements ServerItem {}

    /** Item 7 of docs/protocol.md: to the remaining members, whatever the reason the member went. */
    record Left(String name) implements ServerItem {}

    /** Item 8 of docs/protocol.md: the name belongs to a member already. */
    record NameTaken(String name) implements ServerItem {}

    /** Item 8 of docs/protocol.md: the name breaks the rules of {@link NamePolicy}. */
    record NameInvalid() implements ServerItem {}

    /** Item 9 of docs/protocol.md: instead of the greeting, when the connection limit is reached. */
    record ServerFull() implements ServerItem {}

    /** Item 10 of docs/protocol.md: no acceptable name in time. */
    record NameTimedOut() implements ServerItem {}

    /** Item 11 of docs/protocol.md: a line-framed message over the cap was dropped. */
    record LineTooLong(int maxBytes) implements ServerItem {}

    /** Item 12 of docs/protocol.md: the server is stopping. */
    record ShuttingDown() implements ServerItem {}
}
