package org.cavechat.daemon;

import java.nio.charset.StandardCharsets;

/**
 * Turns {@link ServerItem}s into the bytes of one framing. Legacy bytes are the original's, untouched; line
 * bytes end with {@code \n} and are made safe for terminals and line splitters: a legacy sender's newlines
 * split its message into several lines that each carry the sender's prefix, and control characters and the
 * Unicode line and paragraph separators become U+FFFD, so no line a line reader receives can pass for another
 * member's message. Stateless; any thread.
 */
final class ItemEncoder {
    private static final char REPLACEMENT = '\uFFFD';

    private ItemEncoder() {}

    /** The item's bytes for a connection of the given framing. */
    static byte[] encode(ServerItem item, Framing framing) {
        if (framing == Framing.LINE && item instanceof ServerItem.Chat chat) {
            return chatLines(chat).getBytes(StandardCharsets.UTF_8);
        }
        String text = text(item);
        return (framing == Framing.LINE ? text + "\n" : text).getBytes(StandardCharsets.UTF_8);
    }

    /** The item's text as the original would have sent it, without framing. */
    static String text(ServerItem item) {
        return switch (item) {
            case ServerItem.Hello hello -> hello.greeting().text();
            case ServerItem.Welcome welcome ->
                    "Welcome " + welcome.name() + "! If you ever want to quit, type {quit} to exit.";
            case ServerItem.Joined joined -> joined.name() + " has joined the chat!";
            case ServerItem.Chat chat -> chat.sender() + ": " + chat.text();
            case ServerItem.QuitEcho ignored -> "{quit}";
            case ServerItem.Left left -> left.name() + " has left the chat.";
            case ServerItem.NameTaken taken ->
                    "Sorry, the name " + taken.name() + " is taken. Type another name and press enter!";
            case ServerItem.NameInvalid ignored -> "Sorry, a name must be 1 to " + NamePolicy.MAX_LENGTH
                    + " characters, with no colons and no control characters. Type another name and press enter!";
            case ServerItem.NameMisleading ignored -> "Sorry, a name must be visible and must not mix look-alike"
                    + " scripts or hold invisible or direction-changing characters. Type another name and press enter!";
            case ServerItem.ServerFull ignored -> "Sorry, the cave is full. Try again later.";
            case ServerItem.NameTimedOut ignored -> "Sorry, no name arrived in time. Goodbye!";
            case ServerItem.LineTooLong tooLong ->
                    "Sorry, your line was longer than " + tooLong.maxBytes() + " bytes and was not sent.";
            case ServerItem.ShuttingDown ignored -> "The server is shutting down. Goodbye!";
        };
    }

    /** One prefixed line per {@code \n}-separated part; a trailing {@code \n} does not make an empty line. */
    private static String chatLines(ServerItem.Chat chat) {
        String text = chat.text();
        String prefix = chat.sender() + ": ";
        if (isOneSafeLine(text)) {
            return prefix + text + "\n"; // The usual case, and the fan-out's per-message cost: no char-by-char copy.
        }
        StringBuilder out = new StringBuilder(prefix.length() + text.length() + 1);
        int start = 0;
        do {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            out.append(prefix);
            appendNeutralised(out, text, start, end);
            out.append('\n');
            start = end + 1;
        } while (start < text.length());
        return out.toString();
    }

    private static boolean isOneSafeLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafeForLines(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void appendNeutralised(StringBuilder out, String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            out.append(isUnsafeForLines(c) ? REPLACEMENT : c);
        }
    }

    /**
     * Controls but TAB, and U+2028/U+2029, which readers that split lines the Unicode way (Python's
     * {@code splitlines}, JavaScript, many editors) take for a line end. Ordinary text costs two comparisons.
     */
    private static boolean isUnsafeForLines(char c) {
        if (c < 0x7F) {
            return c < 0x20 && c != '\t';
        }
        return c <= 0x9F || c == '\u2028' || c == '\u2029';
    }

    /** C0 controls, DEL and C1 controls: what can move a terminal's cursor or hide text. */
    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
