package org.cavechat.bots.swarm;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.cavechat.bots.Framing;

/**
 * One simulated chat member: its socket and where it is in its life (connecting, joining, member, ended),
 * what it has sent if it talks, and what it has received. A plain object, not a thread: a {@link BotLoop}
 * owns it and is the only thread that touches its fields, except {@link #state}, which the swarm reads.
 */
final class Bot {

    enum State { CONNECTING, JOINING, MEMBER, ENDED }

    final int index;
    /** The name line as sent: the name and the framing's terminator. */
    final byte[] name;
    final SocketChannel channel;
    final PayloadScanner scanner;
    volatile State state = State.CONNECTING;
    SelectionKey key;
    long joinDeadline;
    JoinWatch join = new JoinWatch();
    /** The last bytes received, to tell a shutdown notice from a plain close. */
    final byte[] tail = new byte[48];
    int tailLength;

    DeliveryLedger ledger;

    /** Talker number, or -1 for a listener. */
    int talker = -1;
    long phaseNanos;
    long nextSeq;
    long nextDue;
    /** Messages completely written; a talker's messages are expected by every member. */
    long sent;
    /** The unwritten rest of the messages being sent, or null. */
    ByteBuffer pending;
    /** How many messages {@link #pending} finishes, and how many of them are measured. */
    int pendingMessages;
    int pendingMeasured;

    Bot(int index, String name, Framing framing, SocketChannel channel, int maxPayloadBytes) {
        this.index = index;
        this.name = framing.frame(name);
        this.channel = channel;
        this.scanner = new PayloadScanner(maxPayloadBytes);
    }

    void remember(byte[] bytes, int offset, int count) {
        if (count >= tail.length) {
            System.arraycopy(bytes, offset + count - tail.length, tail, 0, tail.length);
            tailLength = tail.length;
            return;
        }
        int kept = Math.min(tailLength, tail.length - count);
        System.arraycopy(tail, tailLength - kept, tail, 0, kept);
        System.arraycopy(bytes, offset, tail, kept, count);
        tailLength = kept + count;
    }

    /** True when the last bytes received contain {@code marker}. */
    boolean lastReceived(String marker) {
        return new String(tail, 0, tailLength, StandardCharsets.ISO_8859_1).contains(marker);
    }
}
