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
    private static final int WINDOW = 200;
    private static final int MAX_MESSAGES = 60_000;
    private static final int AFTERWARDS = 500;
    private static final String PADDING = "x".repeat(1000);
    private static final String LAST_LINE = Say.message("sally", "that is all");

    @Container
    final CaveChatContainer daemon = new CaveChatContainer("--outbox-bytes", String.valueOf(OUTBOX_BYTES));

    @Test
    void aMemberThatNeverReadsIsDisconnectedWhileEveryOtherMemberReceivesEveryMessageInOrder() throws IOException {
        InetSocketAddress server = daemon.chatAddress();
        Peer snail = Peer.connectWithReceiveBuffer(server, 4096);
        snail.expect(Say.GREETING);
        snail.sendLine("snail");
        List<Peer> readers = new ArrayList<>();
        List<Transcript> transcripts = new ArrayList<>();
        for (String name : List.of("sally", "rita", "ravi", "rosa")) {
            Peer reader = Peer.lineMember(server, name);
            readers.add(reader);
            transcripts.add(Transcript.of(reader, LAST_LINE));
        }
        Peer sally = readers.getFirst();
        String snailLeft = Say.left("snail");

        int sent = 0;
        while (sent < MAX_MESSAGES && !transcripts.getFirst().hasNotice(snailLeft)) {
            sally.sendLine(message(sent++));
            int target = sent - WINDOW;
            Eventually.until("every reader within " + WINDOW + " messages of the sender", Peer.PATIENCE,
                    () -> transcripts.stream().mapToInt(t -> Math.max(0, target - t.messages())).max().orElse(0));
        }
        assertTrue(sent < MAX_MESSAGES, "the member that never reads was not disconnected after " + sent + " messages");
        for (int i = 0; i < AFTERWARDS; i++) {
            sally.sendLine(message(sent++));
        }
        sally.sendLine("that is all");

        for (Transcript transcript : transcripts) {
            List<String> lines = transcript.await(Peer.PATIENCE);
            List<String> messages = lines.stream().filter(line -> line.startsWith("sally: ")).toList();
            assertEquals(sent + 1, messages.size(), "messages a reader received");
            for (int i = 0; i < sent; i++) {
                assertEquals(message(i), messages.get(i).substring("sally: ".length()), "message " + i + " in order");
            }
            assertEquals(1, lines.stream().filter(snailLeft::equals).count(), "notices that snail left");
        }
        assertTheSnailReceivedAnInOrderPrefixAndThenTheEnd(snail);
        for (Peer reader : readers) {
            reader.close();
        }
    }

    private static void assertTheSnailReceivedAnInOrderPrefixAndThenTheEnd(Peer snail) throws IOException {
        String received = new String(snail.readToEnd(), StandardCharsets.UTF_8);
        String[] lines = received.split("\n", -1);
        int next = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("sally: ")) {
                assertEquals(Say.message("sally", message(next++)), lines[i], "the snail's message " + next);
            }
        }
    }

    private static String message(int sequence) {
        return String.format("%06d %s", sequence, PADDING);
    }
}
