package org.cavechat.it;

/**
 * The server's texts as docs/protocol.md fixes them, without framing (a line member receives each followed
 * by {@code \n}). Tests compare received bytes against these, never against the daemon's own code.
 */
final class ServerText {
    static final String GREETING = "Greetings from the cave! Now type your name and press enter!";
    static final String QUIT = "{quit}";
    static final String FULL = "Sorry, the cave is full. Try again later.";
    static final String SHUTTING_DOWN = "The server is shutting down. Goodbye!";
    static final String INVALID_NAME = "Sorry, a name must be 1 to 32 characters, with no colons and no control "
            + "characters. Type another name and press enter!";

    private ServerText() {}

    static String welcome(String name) {
        return "Welcome " + name + "! If you ever want to quit, type {quit} to exit.";
    }

    static String joined(String name) {
        return name + " has joined the chat!";
    }

    static String left(String name) {
        return name + " has left the chat.";
    }

    static String message(String sender, String text) {
        return sender + ": " + text;
    }

    static String lineTooLong(int maxBytes) {
        return "Sorry, your line was longer than " + maxBytes + " bytes and was not sent.";
    }
}
