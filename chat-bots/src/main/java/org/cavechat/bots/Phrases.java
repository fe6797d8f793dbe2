package org.cavechat.bots;

import java.util.List;

/**
 * The server's fixed texts (docs/protocol.md, items 1 to 12) and the classification of one complete
 * item into a {@link ChatEvent}. Both decoders use it, so the phrases live in one place.
 */
final class Phrases {

    static final String GREETING = "Greetings from the cave! Now type your name and press enter!";
    static final String GREETING_ARTICLE = "Greetings from the cave!Now type your name and press enter!";
    static final String WELCOME_OPEN = "Welcome ";
    static final String WELCOME_CLOSE = "! If you ever want to quit, type {quit} to exit.";
    static final String JOINED = " has joined the chat!";
    static final String LEFT = " has left the chat.";
    static final String SENDER_SEPARATOR = ": ";
    static final String QUIT = "{quit}";
    static final String SHUTDOWN = "The server is shutting down. Goodbye!";
    static final String FULL = "Sorry, the cave is full. Try again later.";
    static final String NAME_TIMEOUT = "Sorry, no name arrived in time. Goodbye!";
    static final String NAME_INVALID = "Sorry, a name must be 1 to 32 characters, with no colons and no"
            + " control characters. Type another name and press enter!";
    static final String NAME_MISLEADING = "Sorry, a name must be visible and must not mix look-alike scripts or"
            + " hold invisible or direction-changing characters. Type another name and press enter!";
    static final String NAME_TAKEN_OPEN = "Sorry, the name ";
    static final String NAME_TAKEN_CLOSE = " is taken. Type another name and press enter!";
    static final String LINE_TOO_LONG_OPEN = "Sorry, your line was longer than ";
    static final String LINE_TOO_LONG_CLOSE = " bytes and was not sent.";

    /** Texts that are items on their own, whole. */
    static final List<String> FIXED = List.of(GREETING, GREETING_ARTICLE, QUIT, SHUTDOWN, FULL,
            NAME_TIMEOUT, NAME_INVALID, NAME_MISLEADING);

    /** Items made of a fixed opening, a variable middle and a fixed closing: opening, closing pairs. */
    static final List<List<String>> BRACKETED = List.of(
            List.of(WELCOME_OPEN, WELCOME_CLOSE),
            List.of(NAME_TAKEN_OPEN, NAME_TAKEN_CLOSE),
            List.of(LINE_TOO_LONG_OPEN, LINE_TOO_LONG_CLOSE));

    private Phrases() {
    }

    /**
     * Classifies one complete item. A sender is the text before the first {@code ": "}; a joined or
     * left name is the text before the fixed ending, when it holds no {@code ": "}: CaveChat names
     * never contain a colon, so for CaveChat this is exact.
     */
    static ChatEvent classify(String item) {
        ChatEvent fixed = fixed(item);
        if (fixed != null) {
            return fixed;
        }
        if (item.startsWith(WELCOME_OPEN) && item.endsWith(WELCOME_CLOSE)
                && item.length() >= WELCOME_OPEN.length() + WELCOME_CLOSE.length()) {
            return new ChatEvent.Welcome(item.substring(WELCOME_OPEN.length(),
                    item.length() - WELCOME_CLOSE.length()));
        }
        if (item.startsWith(NAME_TAKEN_OPEN) && item.endsWith(NAME_TAKEN_CLOSE)) {
            return new ChatEvent.NameRefused(item);
        }
        int separator = item.indexOf(SENDER_SEPARATOR);
        ChatEvent membership = membership(item, separator);
        if (membership != null) {
            return membership;
        }
        if (separator > 0) {
            return new ChatEvent.Message(item.substring(0, separator),
                    item.substring(separator + SENDER_SEPARATOR.length()));
        }
        return new ChatEvent.Notice(item);
    }

    private static ChatEvent fixed(String item) {
        return switch (item) {
            case GREETING, GREETING_ARTICLE -> new ChatEvent.Greeting(item);
            case QUIT -> new ChatEvent.QuitEcho();
            case SHUTDOWN -> new ChatEvent.ShutdownNotice();
            case FULL -> new ChatEvent.ServerFull();
            case NAME_INVALID, NAME_MISLEADING -> new ChatEvent.NameRefused(item);
            default -> null;
        };
    }

    private static ChatEvent membership(String item, int separator) {
        if (separator >= 0) {
            return null;
        }
        if (item.endsWith(JOINED) && item.length() > JOINED.length()) {
            return new ChatEvent.Joined(item.substring(0, item.length() - JOINED.length()));
        }
        if (item.endsWith(LEFT) && item.length() > LEFT.length()) {
            return new ChatEvent.Left(item.substring(0, item.length() - LEFT.length()));
        }
        return null;
    }

    /** True when {@code text} is a proper prefix of a fixed text or of a bracketed item's opening. */
    static boolean isProperPrefixOfPhrase(String text) {
        for (String fixed : FIXED) {
            if (fixed.length() > text.length() && fixed.startsWith(text)) {
                return true;
            }
        }
        for (List<String> pair : BRACKETED) {
            if (pair.get(0).length() > text.length() && pair.get(0).startsWith(text)) {
                return true;
            }
        }
        return false;
    }
}
