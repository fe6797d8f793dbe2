package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;

/**
 * A member that never reads is disconnected once its outbox passes the budget, while every other member
 * keeps receiving every message, in order. The sender keeps at most a window of messages unread by the
 * readers, so that only the member that stopped reading can fall behind.
 */
@DaemonInDocker
class SlowConsumerIT {
    private static final int OUTBOX_BYTES = 256 * 1024;
    private static final int WINDOW = 100;
    private static final int MAX_MESSAGES = 60_000;
    private static final int AFTERWARDS = 500;
    private static final String PADDING = "x".repeat(1000);
    private static final String LAST_LINE = ServerText.message("sally", "that is all");
    private static final String SNAIL_LEFT = ServerText.left("snail");
    /** A small window, so that the member that never reads fills up soon. */
    private static final int SNAIL_RECEIVE_BUFFER = 4096;

    @Container
    final CaveChatContainer daemon = new CaveChatContainer("--outbox-bytes", String.valueOf(OUTBOX_BYTES));

    @Test
    void aMemberThatNeverReadsIsDisconnectedWhileEveryOtherMemberReceivesEveryMessageInOrder() throws IOException {
        InetSocketAddress server = daemon.chatAddress();
        List<Peer> readers = new ArrayList<>();
        try (Peer snail = Peer.connect(server, SNAIL_RECEIVE_BUFFER)) {
            snail.expect(ServerText.GREETING);
            snail.sendLine("snail");
            List<Transcript> transcripts = new ArrayList<>();
            for (String name : List.of("sally", "rita", "ravi", "rosa")) {
                Peer reader = Peer.lineMember(server, name);
                readers.add(reader);
                transcripts.add(Transcript.of(reader, LAST_LINE));
            }
            int sent = sendUntilTheSnailIsGone(readers.getFirst(), transcripts);
            for (Transcript transcript : transcripts) {
                assertEveryMessageInOrderAndOneLeave(transcript.await(Peer.PATIENCE), sent);
            }
            assertTheSnailReceivedAnInOrderPrefixAndThenTheEnd(snail);
        } finally {
            for (Peer reader : readers) {
                reader.close();
            }
        }
    }

    /**
     * Sends until the readers learn that the snail left, then {@code AFTERWARDS} more and the last line;
     * returns how many numbered messages were sent.
     */
    private static int sendUntilTheSnailIsGone(Peer sally, List<Transcript> transcripts) throws IOException {
        int sent = 0;
        while (sent < MAX_MESSAGES && !transcripts.getFirst().hasNotice(SNAIL_LEFT)) {
            sendWithinTheWindow(sally, transcripts, sent++);
        }
        assertTrue(sent < MAX_MESSAGES, "the member that never reads was not disconnected after " + sent + " messages");
        for (int i = 0; i < AFTERWARDS; i++) {
            sendWithinTheWindow(sally, transcripts, sent++);
        }
        sally.sendLine("that is all");
        return sent;
    }

    /** Sends message {@code sequence} once every reader is within {@code WINDOW} messages of it. */
    private static void sendWithinTheWindow(Peer sally, List<Transcript> transcripts, int sequence) throws IOException {
        int target = sequence - WINDOW;
        Eventually.until("every reader within " + WINDOW + " messages of the sender", Peer.PATIENCE,
                () -> transcripts.stream().mapToInt(t -> Math.max(0, target - t.messages())).max().orElse(0));
        sally.sendLine(message(sequence));
    }

    private static void assertEveryMessageInOrderAndOneLeave(List<String> lines, int sent) {
        List<String> messages = lines.stream().filter(line -> line.startsWith("sally: ")).toList();
        assertEquals(sent + 1, messages.size(), "messages a reader received");
        for (int i = 0; i < sent; i++) {
            assertEquals(ServerText.message("sally", message(i)), messages.get(i), "message " + i + " in order");
        }
        assertEquals(1, lines.stream().filter(SNAIL_LEFT::equals).count(), "notices that snail left");
    }

    private static void assertTheSnailReceivedAnInOrderPrefixAndThenTheEnd(Peer snail) throws IOException {
        String received = new String(snail.readToEnd(), StandardCharsets.UTF_8);
        String[] lines = received.split("\n", -1);
        int next = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("sally: ")) {
                assertEquals(ServerText.message("sally", message(next++)), lines[i], "the snail's message " + next);
            }
        }
    }

    private static String message(int sequence) {
        return String.format("%06d %s", sequence, PADDING);
    }
}
