package org.cavechat.bots;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decodes line framing: every item ends with {@code \n}. The one exception is the start of the stream:
 * the server sends the greeting (or the server-full notice) before it knows the client's framing, so
 * it may come without a {@code \n}; it is recognised by its fixed text. Empty lines are skipped (the
 * server never sends one). A line longer than {@link #MAX_LINE_CHARS} is cut into items of that size
 * so that a misbehaving server cannot grow the buffer without bound.
 */
final class LineDecoder implements EventDecoder {

    static final int MAX_LINE_CHARS = 1 << 20;

    private final Utf8Text utf8 = new Utf8Text();
    private final StringBuilder pending = new StringBuilder();
    private boolean greeted;

    @Override
    public List<ChatEvent> decode(byte[] bytes, int offset, int length) {
        pending.append(utf8.decode(bytes, offset, length));
        List<ChatEvent> events = new ArrayList<>();
        if (!greeted && !takeUnframedOpening(events)) {
            return events;
        }
        int start = 0;
        int newline;
        while ((newline = pending.indexOf("\n", start)) >= 0) {
            addLine(pending.substring(start, newline), events);
            start = newline + 1;
        }
        pending.delete(0, start);
        while (pending.length() > MAX_LINE_CHARS) {
            addLine(pending.substring(0, MAX_LINE_CHARS), events);
            pending.delete(0, MAX_LINE_CHARS);
        }
        return events;
    }

    /** Returns false while the stream start is still a prefix of an unframed opening text. */
    private boolean takeUnframedOpening(List<ChatEvent> events) {
        for (String opening : List.of(ServerText.GREETING, ServerText.GREETING_ARTICLE, ServerText.FULL)) {
            if (pending.length() < opening.length() && opening.startsWith(pending.toString())) {
                return false;
            }
            if (startsWith(pending, opening)) {
                events.add(ChatEvent.of(opening));
                pending.delete(0, opening.length());
                break;
            }
        }
        greeted = true;
        return true;
    }

    private static boolean startsWith(CharSequence text, String prefix) {
        return text.length() >= prefix.length() && text.subSequence(0, prefix.length()).toString().equals(prefix);
    }

    private static void addLine(String line, List<ChatEvent> events) {
        if (!line.isEmpty()) {
            events.add(ChatEvent.of(line));
        }
    }

    @Override
    public List<ChatEvent> endOfStream() {
        pending.append(utf8.finish());
        List<ChatEvent> events = new ArrayList<>();
        addLine(pending.toString(), events);
        pending.setLength(0);
        events.add(new ChatEvent.EndOfStream());
        return events;
    }

    @Override
    public void knowNames(Collection<String> names) {
        // Line framing delimits every item, so names are not needed to find item boundaries.
    }

    @Override
    public void quitSent() {
        // Line framing delimits the echo like any other item.
    }
}
