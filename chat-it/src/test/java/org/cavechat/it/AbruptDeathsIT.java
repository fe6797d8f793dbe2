package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;

/**
 * Clients that die in the middle of broadcasts (a TCP reset, a close with unread data, a half-close) cost
 * the survivors nothing: every survivor receives every message of every sender exactly once and in order,
 * one leave notice per death, and all survivors see the same single order.
 */
@DaemonInDocker
class AbruptDeathsIT {
    private static final int SENDERS = 2;
    private static final int LISTENERS = 6;
    private static final int VICTIMS = 12;
    private static final int MESSAGES = 3000;
    private static final int WINDOW = 100;
    private static final String LAST_LINE = ServerText.message("closer", "the end");

    @Container
    final CaveChatContainer daemon = new CaveChatContainer();

    @Test
    void clientsDyingMidBroadcastLoseNothingForTheSurvivors() throws IOException {
        InetSocketAddress server = daemon.chatAddress();
        List<Peer> victims = new ArrayList<>();
        for (int i = 0; i < VICTIMS; i++) {
            victims.add(Peer.lineMember(server, "victim" + i));
        }
        List<Peer> survivors = new ArrayList<>();
        List<Transcript> transcripts = new ArrayList<>();
        for (int i = 0; i < SENDERS + LISTENERS; i++) {
            Peer survivor = Peer.lineMember(server, i < SENDERS ? "sender" + i : "listener" + i);
            survivors.add(survivor);
        }
        try (Peer closer = Peer.lineMember(server, "closer")) {
            for (Peer survivor : survivors) {
                transcripts.add(Transcript.of(survivor, LAST_LINE));
            }
            killVictimsWhileTheSendersBroadcast(victims, survivors, transcripts);
            Eventually.until("every message at every survivor", Peer.PATIENCE, () -> transcripts.stream()
                    .mapToInt(t -> SENDERS * MESSAGES - t.messages()).max().orElse(0));
            closer.sendLine("the end");
            assertTheSurvivorsReceivedEverythingInOneOrder(transcripts);
        } finally {
            for (Peer peer : survivors) {
                peer.close();
            }
            for (Peer peer : victims) {
                peer.close();
            }
        }
    }

    /** Each sender sends its numbered lines; the victims die one by one, spread over the broadcast. */
    private static void killVictimsWhileTheSendersBroadcast(List<Peer> victims, List<Peer> survivors,
            List<Transcript> transcripts) throws IOException {
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(startSending(survivors.get(s), transcripts.get(s)));
        }
        Transcript watched = transcripts.get(SENDERS);
        for (int v = 0; v < VICTIMS; v++) {
            int due = (v + 1) * (SENDERS * MESSAGES) / (VICTIMS + 2);
            Eventually.until("broadcast progress before death " + v, Peer.PATIENCE, () -> due - watched.messages());
            kill(victims.get(v), v);
        }
        senders.forEach(CompletableFuture::join);
    }

    /** Every message once and in order, one leave per victim, and the very same sequence at every survivor. */
    private static void assertTheSurvivorsReceivedEverythingInOneOrder(List<Transcript> transcripts) {
        List<String> firstOrder = null;
        for (Transcript transcript : transcripts) {
            List<String> lines = withoutJoins(transcript.await(Peer.PATIENCE));
            assertEveryMessageOnceInOrder(lines);
            for (int v = 0; v < VICTIMS; v++) {
                String left = ServerText.left("victim" + v);
                assertEquals(1, lines.stream().filter(left::equals).count(), "notices that victim" + v + " left");
            }
            assertEquals(SENDERS * MESSAGES + VICTIMS + 1, lines.size(), "lines besides the joins");
            if (firstOrder == null) {
                firstOrder = lines;
            }
            assertEquals(firstOrder, lines, "every survivor sees the same order");
        }
    }

    /** Sends {@code MESSAGES} numbered lines, never more than {@code WINDOW} ahead of its own echoes. */
    private static CompletableFuture<Void> startSending(Peer sender, Transcript ownEchoes) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    sender.sendLine(String.valueOf(i));
                    int target = i - WINDOW;
                    Eventually.until("the sender's echoes", Peer.PATIENCE, () -> target - ownEchoes.messages());
                }
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, runnable -> Thread.ofPlatform().daemon().name("sender").start(runnable));
    }

    /** Three kinds of death in turn: a reset, a close with unread data, a half-close. */
    private static void kill(Peer victim, int v) throws IOException {
        switch (v % 3) {
            case 0 -> victim.reset();
            case 1 -> victim.close();
            default -> victim.halfClose();
        }
    }

    private static List<String> withoutJoins(List<String> lines) {
        return lines.stream().filter(line -> !line.endsWith(" has joined the chat!")).toList();
    }

    private static void assertEveryMessageOnceInOrder(List<String> lines) {
        for (int s = 0; s < SENDERS; s++) {
            String prefix = "sender" + s + ": ";
            List<String> texts = lines.stream().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length())).toList();
            assertEquals(MESSAGES, texts.size(), "messages from sender" + s);
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(String.valueOf(i), texts.get(i), "message " + i + " of sender" + s + " in order");
            }
        }
    }
}
