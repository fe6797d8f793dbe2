package org.cavechat.bots;

/**
 * One item received from a CaveChat (or original) server, decoded. {@link #item()} gives back the
 * item's exact text as the server sent it, without framing, so that scripts can compare items.
 */
public sealed interface ChatEvent {

    /** The item's text as sent by the server, without the line framing's {@code \n}. */
    String item();

    /**
     * The event one complete item is. A sender is the text before the first {@code ": "}; a joined or
     * left name is the text before the fixed ending, when it holds no {@code ": "}: CaveChat names
     * never contain a colon, so for CaveChat this is exact. Unknown texts are {@link Notice}s.
     */
    static ChatEvent of(String item) {
        ChatEvent whole = whole(item);
        if (whole != null) {
            return whole;
        }
        if (item.startsWith(ServerText.WELCOME_OPEN) && item.endsWith(ServerText.WELCOME_CLOSE)
                && item.length() >= ServerText.WELCOME_OPEN.length() + ServerText.WELCOME_CLOSE.length()) {
            return new Welcome(item.substring(ServerText.WELCOME_OPEN.length(),
                    item.length() - ServerText.WELCOME_CLOSE.length()));
        }
        if (item.startsWith(ServerText.NAME_TAKEN_OPEN) && item.endsWith(ServerText.NAME_TAKEN_CLOSE)) {
            return new NameRefused(item);
        }
        int separator = item.indexOf(ServerText.SENDER_SEPARATOR);
        ChatEvent membership = separator < 0 ? membership(item) : null;
        if (membership != null) {
            return membership;
        }
        if (separator > 0) {
            return new Message(item.substring(0, separator),
                    item.substring(separator + ServerText.SENDER_SEPARATOR.length()));
        }
        return new Notice(item);
    }

    private static ChatEvent whole(String item) {
        return switch (item) {
            case ServerText.GREETING, ServerText.GREETING_ARTICLE -> new Greeting(item);
            case ServerText.QUIT -> new QuitEcho();
            case ServerText.SHUTDOWN -> new ShutdownNotice();
            case ServerText.FULL -> new ServerFull();
            case ServerText.NAME_INVALID -> new NameRefused(item);
            default -> null;
        };
    }

    private static ChatEvent membership(String item) {
        if (item.endsWith(ServerText.JOINED) && item.length() > ServerText.JOINED.length()) {
            return new Joined(item.substring(0, item.length() - ServerText.JOINED.length()));
        }
        if (item.endsWith(ServerText.LEFT) && item.length() > ServerText.LEFT.length()) {
            return new Left(item.substring(0, item.length() - ServerText.LEFT.length()));
        }
        return null;
    }

    /** Item 1: the greeting; {@code text} is the repository's or the article's variant. */
    record Greeting(String text) implements ChatEvent {
        @Override
        public String item() {
            return text;
        }
    }

    /** Item 3: the server accepted our name. */
    record Welcome(String name) implements ChatEvent {
        @Override
        public String item() {
            return ServerText.welcome(name);
        }
    }

    /** Item 4: another member joined. */
    record Joined(String name) implements ChatEvent {
        @Override
        public String item() {
            return ServerText.joined(name);
        }
    }

    /** Item 7: a member left, for whatever reason. */
    record Left(String name) implements ChatEvent {
        @Override
        public String item() {
            return ServerText.left(name);
        }
    }

    /** Item 5: a member's message, our own echo included. */
    record Message(String sender, String text) implements ChatEvent {
        @Override
        public String item() {
            return ServerText.message(sender, text);
        }
    }

    /** Item 6: the echo of our {@code {quit}}; the server closes next. */
    record QuitEcho() implements ChatEvent {
        @Override
        public String item() {
            return ServerText.QUIT;
        }
    }

    /** Item 12: the server is stopping. */
    record ShutdownNotice() implements ChatEvent {
        @Override
        public String item() {
            return ServerText.SHUTDOWN;
        }
    }

    /** Item 8: the name was taken or invalid; {@code text} says which. */
    record NameRefused(String text) implements ChatEvent {
        @Override
        public String item() {
            return text;
        }
    }

    /** Item 9: too many connections; the server closes next. */
    record ServerFull() implements ChatEvent {
        @Override
        public String item() {
            return ServerText.FULL;
        }
    }

    /** Any other server text (name timeout, line too long, or something this client does not know). */
    record Notice(String text) implements ChatEvent {
        @Override
        public String item() {
            return text;
        }
    }

    /** The server closed its side of the connection (end of stream). */
    record EndOfStream() implements ChatEvent {
        @Override
        public String item() {
            return "end of stream";
        }
    }
}
