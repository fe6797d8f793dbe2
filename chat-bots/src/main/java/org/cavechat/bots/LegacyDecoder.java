package org.cavechat.bots;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decodes legacy framing, where the server writes each item with nothing around it and the items
 * of one read may have coalesced ({@code "Welcome alice! ... exit.alice: hi"}). Items are recovered
 * with three kinds of evidence, strongest first:
 * <ol>
 * <li>the server's fixed texts: the greeting, {@code {quit}}, the notices, and the welcome and
 *     name-refusal items, whose fixed opening and closing bracket the name;</li>
 * <li>member names: an item starts where a known name is followed by {@code ": "},
 *     {@code " has joined the chat!"} or {@code " has left the chat."}. Names are learned from
 *     welcome, join, leave and message items and from {@link #knowNames};</li>
 * <li>read boundaries: the server writes every item separately, so the end of a read ends the item
 *     in progress, unless the read ended inside a UTF-8 character or inside a fixed text.</li>
 * </ol>
 * <p>Where the evidence cannot decide, these are the exact limits:
 * <ul>
 * <li>A message whose text contains a known name followed by {@code ": "},
 *     {@code " has joined the chat!"} or {@code " has left the chat."}, or contains
 *     {@code "The server is shutting down. Goodbye!"}, is split there when read in one piece:
 *     {@code "alice: hi bob: yo"} is two messages when bob is known, one message when he is not.</li>
 * <li>A join of a name the decoder does not know, coalesced behind a message in one read, stays in
 *     that message's text.</li>
 * <li>After the client sent {@code {quit}} ({@link #quitSent}), a message text ending in
 *     {@code "{quit}"} at the end of a read is split into the message and a {@link ChatEvent.QuitEcho}.
 *     Before that, a trailing {@code "{quit}"} is message text (the echo goes only to the quitter).</li>
 * <li>An item that arrives in two reads (a server write split by TCP, rare below a few kilobytes on a
 *     real network, unseen on loopback) is decoded as two items, unless the cut falls inside a UTF-8
 *     character, inside a fixed text, or inside the bracketed name of a welcome or refusal.</li>
 * <li>With the original server, whose names may contain {@code ": "}, a sender is taken to end at the
 *     first {@code ": "}.</li>
 * </ul>
 * Not thread-safe: one per connection, used by the thread that reads.
 */
final class LegacyDecoder implements EventDecoder {

    /** Longest bracketed middle waited for (the original read names in 1024-byte chunks). */
    private static final int MAX_BRACKETED_MIDDLE = 4096;
    /**
     * How far from an item's start its sender or joined/left name may end; bounds the work per item so
     * that a flood of tiny items decodes in linear time (the original read names in 1024-byte chunks).
     */
    private static final int HEAD_WINDOW = 1100;

    private final Utf8Text utf8 = new Utf8Text();
    private final StringBuilder pending = new StringBuilder();
    private final Set<String> names = new HashSet<>();
    private final TreeSet<Integer> nameLengths = new TreeSet<>();
    /** Set by the sending thread, read by the reading one (a client may send and read on two threads). */
    private volatile boolean quitSent;

    @Override
    public List<ChatEvent> decode(byte[] bytes, int offset, int length) {
        pending.append(utf8.decode(bytes, offset, length));
        return split(!utf8.holdsPartialCharacter());
    }

    @Override
    public List<ChatEvent> endOfStream() {
        pending.append(utf8.finish());
        List<ChatEvent> events = split(true);
        if (!pending.isEmpty()) {
            events.add(ChatEvent.of(pending.toString()));
            pending.setLength(0);
        }
        events.add(new ChatEvent.EndOfStream());
        return events;
    }

    @Override
    public void knowNames(Collection<String> known) {
        known.forEach(this::learn);
    }

    @Override
    public void quitSent() {
        quitSent = true;
    }

    private void learn(String name) {
        if (!name.isEmpty() && names.add(name)) {
            nameLengths.add(name.length());
        }
    }

    private List<ChatEvent> split(boolean readEnded) {
        List<ChatEvent> events = new ArrayList<>();
        int start = 0;
        int end;
        while (start < pending.length() && (end = itemEnd(start, readEnded)) > start) {
            ChatEvent event = ChatEvent.of(pending.substring(start, end));
            learnFrom(event);
            events.add(event);
            start = end;
        }
        pending.delete(0, start);
        return events;
    }

    private void learnFrom(ChatEvent event) {
        switch (event) {
            case ChatEvent.Welcome welcome -> learn(welcome.name());
            case ChatEvent.Joined joined -> learn(joined.name());
            case ChatEvent.Left left -> learn(left.name());
            case ChatEvent.Message message -> learn(message.sender());
            default -> { }
        }
    }

    /** Where the item starting at {@code start} ends, or -1 while it is incomplete. */
    private int itemEnd(int start, boolean readEnded) {
        for (String fixed : ServerText.FIXED) {
            if (matchesAt(start, fixed)) {
                return start + fixed.length();
            }
        }
        for (List<String> pair : ServerText.BRACKETED) {
            if (matchesAt(start, pair.get(0))) {
                int limit = start + pair.get(0).length() + MAX_BRACKETED_MIDDLE + pair.get(1).length();
                int close = find(pair.get(1), start + pair.get(0).length(), limit);
                if (close >= 0) {
                    return close + pair.get(1).length();
                }
                if (pending.length() < limit) {
                    return -1;
                }
            }
        }
        if (pending.length() - start < HEAD_WINDOW && ServerText.isProperPrefixOfPhrase(pending.substring(start))) {
            return -1;
        }
        return headedItemEnd(start, readEnded);
    }

    /** Ends a join, leave, message or unknown notice that starts at {@code start}. */
    private int headedItemEnd(int start, boolean readEnded) {
        int limit = start + HEAD_WINDOW;
        int separator = find(ServerText.SENDER_SEPARATOR, start, limit);
        int joined = find(ServerText.JOINED, start, separator < 0 ? limit : separator);
        int left = find(ServerText.LEFT, start, separator < 0 ? limit : separator);
        int membership = joined < 0 || left < 0 ? Math.max(joined, left) : Math.min(joined, left);
        if (membership > start) {
            return membership + (membership == joined ? ServerText.JOINED : ServerText.LEFT).length();
        }
        boolean shortTail = pending.length() - start < HEAD_WINDOW;
        if (separator < 0 && shortTail && endsInsideMembership(pending.substring(start))) {
            return -1;
        }
        int textStart = separator > start ? separator + ServerText.SENDER_SEPARATOR.length() : start + 1;
        return nextItemStart(textStart, readEnded);
    }

    /** The first index of {@code needle} that starts at or after {@code from} and ends by {@code limit}. */
    private int find(String needle, int from, int limit) {
        int last = Math.min(limit, pending.length()) - needle.length();
        for (int at = from; at <= last; at++) {
            if (matchesAt(at, needle)) {
                return at;
            }
        }
        return -1;
    }

    /** A read may end in {@code "carol has jo"}: wait for the rest of the fixed ending. */
    private static boolean endsInsideMembership(String rest) {
        for (String suffix : List.of(ServerText.JOINED, ServerText.LEFT)) {
            for (int length = Math.min(suffix.length() - 1, rest.length() - 1); length > 0; length--) {
                if (rest.endsWith(suffix.substring(0, length))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The earliest position at or after {@code from} where another item begins inside this stretch of
     * text, the end of the text when the read ended there, or -1 to wait for more.
     */
    private int nextItemStart(int from, boolean readEnded) {
        for (int at = from; at < pending.length(); at++) {
            if (matchesAt(at, ServerText.SHUTDOWN)) {
                return at;
            }
            int nameStart = knownNameEndingAt(from, at);
            if (nameStart >= 0) {
                return nameStart;
            }
        }
        if (!readEnded) {
            return -1;
        }
        int quit = pending.length() - ServerText.QUIT.length();
        boolean endsWithQuit = quitSent && quit >= from && matchesAt(quit, ServerText.QUIT);
        return endsWithQuit ? quit : pending.length();
    }

    /** Where a known name ends at {@code marker} and a member item marker follows, or -1. */
    private int knownNameEndingAt(int from, int marker) {
        if (!startsMarker(marker)) {
            return -1;
        }
        for (int length : nameLengths.descendingSet()) {
            int nameStart = marker - length;
            if (nameStart >= from && names.contains(pending.substring(nameStart, marker))) {
                return nameStart;
            }
        }
        return -1;
    }

    private boolean startsMarker(int at) {
        for (String marker : List.of(ServerText.SENDER_SEPARATOR, ServerText.JOINED, ServerText.LEFT)) {
            if (matchesAt(at, marker)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(int at, String text) {
        if (at + text.length() > pending.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (pending.charAt(at + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
