package org.cavechat.bots.swarm;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.cavechat.bots.ServerText;

/**
 * Reads a joining bot's input until the server's verdict on its name: the welcome (item 3 of
 * docs/protocol.md, recognised by its fixed closing) or one of the refusals (items 8 to 10, whole or by
 * their fixed closing). The greeting and anything else before the verdict are skipped. Holds at most
 * {@link #CAPACITY} bytes.
 */
final class JoinWatch {
    /** Nothing decided yet. */
    static final int PENDING = -1;
    /** The server refused the name; see {@link #refusalReason()}. */
    static final int REFUSED = -2;

    private static final int CAPACITY = 512;
    private static final byte[] WELCOME_END = ascii(ServerText.WELCOME_CLOSE);
    private static final byte[] FULL = ascii(ServerText.FULL);
    private static final byte[] NAME_TIMEOUT = ascii(ServerText.NAME_TIMEOUT);
    private static final byte[] NAME_TAKEN = ascii(ServerText.NAME_TAKEN_CLOSE);
    private static final byte[] NAME_INVALID = ascii(ServerText.NAME_INVALID);
    /** Bytes kept when the window slides: as long as the longest marker, so none is missed across reads. */
    private static final int KEEP = Stream.of(WELCOME_END, FULL, NAME_TIMEOUT, NAME_TAKEN, NAME_INVALID)
            .mapToInt(marker -> marker.length).max().orElseThrow();

    private final byte[] seen = new byte[CAPACITY];
    private int length;
    private BotEnd refusal;

    /**
     * Feeds one read. Returns {@link #PENDING}, {@link #REFUSED}, or, once welcomed, how many bytes of this
     * read the welcome used up: the rest are the first bytes the bot receives as a member.
     */
    int feed(byte[] bytes, int offset, int count) {
        int done = 0;
        while (done < count) {
            int piece = Math.min(count - done, CAPACITY / 2);
            if (length + piece > CAPACITY) {
                System.arraycopy(seen, length - KEEP, seen, 0, KEEP);
                length = KEEP;
            }
            System.arraycopy(bytes, offset + done, seen, length, piece);
            length += piece;
            done += piece;
            int welcome = find(WELCOME_END);
            if (welcome >= 0) {
                return done - (length - welcome - WELCOME_END.length);
            }
            refusal = refusal();
            if (refusal != null) {
                return REFUSED;
            }
        }
        return PENDING;
    }

    /** Why the name was refused, after {@link #feed} returned {@link #REFUSED}. */
    BotEnd refusalReason() {
        return refusal;
    }

    /** The reason to give when the server closes before a verdict: a refusal already read, or a plain close. */
    BotEnd closedReason() {
        BotEnd reason = refusal();
        return reason == null ? BotEnd.SERVER_CLOSED : reason;
    }

    private BotEnd refusal() {
        if (find(FULL) >= 0) {
            return BotEnd.SERVER_FULL;
        }
        if (find(NAME_TIMEOUT) >= 0) {
            return BotEnd.NAME_TIMEOUT;
        }
        if (find(NAME_TAKEN) >= 0 || find(NAME_INVALID) >= 0) {
            return BotEnd.NAME_REFUSED;
        }
        return null;
    }

    private int find(byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (seen[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
