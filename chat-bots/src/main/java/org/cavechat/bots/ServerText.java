package org.cavechat.bots;

import java.util.List;

/**
 * The texts a CaveChat server sends, exactly as docs/protocol.md's item tables give them, without
 * framing. Every client here reads them from this one place: the decoders, the script runner, the
 * swarm's join watch and the benchmarks (whose thread-per-client baseline also sends them).
 * {@link #QUIT} is also what a client sends to leave.
 */
public final class ServerText {

    /** Item 1, as the repository's server spells it (60 bytes). */
    public static final String GREETING = "Greetings from the cave! Now type your name and press enter!";
    /** Item 1, as the article prints it (59 bytes, {@code --greeting article}). */
    public static final String GREETING_ARTICLE = "Greetings from the cave!Now type your name and press enter!";
    /** Item 3 opens with this, then the name. */
    public static final String WELCOME_OPEN = "Welcome ";
    /** Item 3 closes with this, after the name. */
    public static final String WELCOME_CLOSE = "! If you ever want to quit, type {quit} to exit.";
    /** Item 4 is the name, then this. */
    public static final String JOINED = " has joined the chat!";
    /** Item 7 is the name, then this. */
    public static final String LEFT = " has left the chat.";
    /** Item 5 is the sender's name, this, then the message. */
    public static final String SENDER_SEPARATOR = ": ";
    /** Item 6, the echo of the client's own {@code {quit}}, which is the same text. */
    public static final String QUIT = "{quit}";
    /** Item 8, for a name that breaks the rules. */
    public static final String NAME_INVALID = "Sorry, a name must be 1 to 32 characters, with no colons and no"
            + " control characters. Type another name and press enter!";
    /** Item 8, for a taken name, opens with this, then the name. */
    public static final String NAME_TAKEN_OPEN = "Sorry, the name ";
    /** Item 8, for a taken name, closes with this, after the name. */
    public static final String NAME_TAKEN_CLOSE = " is taken. Type another name and press enter!";
    /** Item 9. */
    public static final String FULL = "Sorry, the cave is full. Try again later.";
    /** Item 10. */
    public static final String NAME_TIMEOUT = "Sorry, no name arrived in time. Goodbye!";
    /** Item 11 opens with this, then the limit. */
    public static final String LINE_TOO_LONG_OPEN = "Sorry, your line was longer than ";
    /** Item 11 closes with this, after the limit. */
    public static final String LINE_TOO_LONG_CLOSE = " bytes and was not sent.";
    /** Item 12. */
    public static final String SHUTDOWN = "The server is shutting down. Goodbye!";

    /** Texts that are items on their own, whole. */
    static final List<String> FIXED = List.of(GREETING, GREETING_ARTICLE, QUIT, SHUTDOWN, FULL,
            NAME_TIMEOUT, NAME_INVALID);

    /** Items made of a fixed opening, a variable middle and a fixed closing: opening, closing pairs. */
    static final List<List<String>> BRACKETED = List.of(
            List.of(WELCOME_OPEN, WELCOME_CLOSE),
            List.of(NAME_TAKEN_OPEN, NAME_TAKEN_CLOSE),
            List.of(LINE_TOO_LONG_OPEN, LINE_TOO_LONG_CLOSE));

    private ServerText() {
    }

    /** Item 3: {@code name}'s welcome. */
    public static String welcome(String name) {
        return WELCOME_OPEN + name + WELCOME_CLOSE;
    }

    /** Item 4: {@code name} joined. */
    public static String joined(String name) {
        return name + JOINED;
    }

    /** Item 7: {@code name} left. */
    public static String left(String name) {
        return name + LEFT;
    }

    /** Item 5: {@code sender}'s message {@code text}. */
    public static String message(String sender, String text) {
        return sender + SENDER_SEPARATOR + text;
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
