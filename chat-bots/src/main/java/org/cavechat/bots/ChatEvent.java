package org.cavechat.bots;

/**
 * One item received from a CaveChat (or original) server, decoded. {@link #item()} gives back the
 * item's exact text as the server sent it, without framing, so that scripts can compare items.
 */
public sealed interface ChatEvent {

    /** The item's text as sent by the server, without the line framing's {@code \n}. */
    String item();

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
            return Phrases.WELCOME_OPEN + name + Phrases.WELCOME_CLOSE;
        }
    }

    /** Item 4: another member joined. */
    record Joined(String name) implements ChatEvent {
        @Override
        public String item() {
            return name + Phrases.JOINED;
        }
    }

    /** Item 7: a member left, for whatever reason. */
    record Left(String name) implements ChatEvent {
        @Override
        public String item() {
            return name + Phrases.LEFT;
        }
    }

    /** Item 5: a member's message, our own echo included. */
    record Message(String sender, String text) implements ChatEvent {
        @Override
        public String item() {
            return sender + Phrases.SENDER_SEPARATOR + text;
        }
    }

    /** Item 6: the echo of our {@code {quit}}; the server closes next. */
    record QuitEcho() implements ChatEvent {
        @Override
        public String item() {
            return Phrases.QUIT;
        }
    }

    /** Item 12: the server is stopping. */
    record ShutdownNotice() implements ChatEvent {
        @Override
        public String item() {
            return Phrases.SHUTDOWN;
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
            return Phrases.FULL;
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
