package org.cavechat.daemon;

/**
 * The exact texts of docs/protocol.md ("Items" and "What CaveChat adds"), written out once so that every test
 * compares against the same bytes. Line framing appends {@code \n} to each; legacy framing sends them bare.
 */
final class Notices {

    /** Item 1, the repository's spelling: 60 bytes. */
    static final String GREETING = "Greetings from the cave! Now type your name and press enter!";

    /** Item 1 with {@code --greeting article}: no space after "cave!", 59 bytes. */
    static final String ARTICLE_GREETING = "Greetings from the cave!Now type your name and press enter!";

    /** Item 6: the answer to {@code {quit}}, after which the server closes. */
    static final String QUIT = "{quit}";

    /** Item 8, second form. */
    static final String BAD_NAME = "Sorry, a name must be 1 to 32 characters, with no colons and no control characters."
            + " Type another name and press enter!";

    /** Item 8, third form: a name that could pass for another member's or cannot be seen. */
    static final String MISLEADING_NAME = "Sorry, a name must be visible and must not mix look-alike scripts or hold"
            + " invisible or direction-changing characters. Type another name and press enter!";

    /** Item 9. */
    static final String FULL = "Sorry, the cave is full. Try again later.";

    /** Item 10. */
    static final String NAME_TIMEOUT = "Sorry, no name arrived in time. Goodbye!";

    /** Item 12. */
    static final String SHUTDOWN = "The server is shutting down. Goodbye!";

    private Notices() {
    }

    /** Item 3. */
    static String welcome(String name) {
        return "Welcome " + name + "! If you ever want to quit, type {quit} to exit.";
    }

    /** Item 4. */
    static String joined(String name) {
        return name + " has joined the chat!";
    }

    /** Item 5. */
    static String message(String name, String text) {
        return name + ": " + text;
    }

    /** Item 7. */
    static String left(String name) {
        return name + " has left the chat.";
    }

    /** Item 8, first form. */
    static String taken(String name) {
        return "Sorry, the name " + name + " is taken. Type another name and press enter!";
    }

    /** Item 11. */
    static String lineTooLong(int maxLineBytes) {
        return "Sorry, your line was longer than " + maxLineBytes + " bytes and was not sent.";
    }
}
