package org.cavechat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.cavechat.daemon.DisconnectReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private Daemon daemon;
    private final List<ChatClient> clients = new ArrayList<>();

    @BeforeEach
    void startDaemon() throws IOException {
        daemon = Daemon.start();
    }

    @AfterEach
    void stopDaemon() throws IOException {
        for (ChatClient client : clients) {
            client.close();
        }
        daemon.close();
    }

    private ChatClient member(String name, Framing framing) throws IOException {
        ChatClient client = ChatClient.connect(daemon.server().localAddress(), framing, WAIT);
        clients.add(client);
        client.readGreeting(WAIT);
        assertEquals(new ChatEvent.Welcome(name), client.join(name, WAIT));
        return client;
    }

    @Test
    void membersOfBothFramingsReceiveTheSameEventsDecoded() throws IOException {
        ChatClient alice = member("alice", Framing.LEGACY);
        ChatClient bob = member("bob", Framing.LINE);
        assertEquals(new ChatEvent.Joined("bob"), alice.next(WAIT));
        bob.send("hi there");
        assertEquals(new ChatEvent.Message("bob", "hi there"), alice.next(WAIT));
        assertEquals(new ChatEvent.Message("bob", "hi there"), bob.next(WAIT));
        alice.quit();
        assertEquals(new ChatEvent.QuitEcho(), alice.next(WAIT));
        assertEquals(new ChatEvent.EndOfStream(), alice.next(WAIT));
        assertEquals(new ChatEvent.EndOfStream(), alice.next(WAIT));
        assertEquals(new ChatEvent.Left("alice"), bob.next(WAIT));
    }

    @Test
    void aLegacyReaderRecoversEveryItemOfABurstThatCoalesced() throws IOException {
        ChatClient alice = member("alice", Framing.LEGACY);
        ChatClient bob = member("bob", Framing.LINE);
        assertEquals(new ChatEvent.Joined("bob"), alice.next(WAIT));
        for (int i = 0; i < 200; i++) {
            bob.send("message " + i);
        }
        for (int i = 0; i < 200; i++) {
            assertEquals(new ChatEvent.Message("bob", "message " + i), alice.next(WAIT));
        }
    }

    @Test
    void nextThrowsAndPollIsEmptyWhenNothingArrivesInTime() throws IOException {
        ChatClient alice = member("alice", Framing.LINE);
        assertEquals(Optional.empty(), alice.poll(Duration.ofMillis(50)));
        assertThrows(SocketTimeoutException.class, () -> alice.next(Duration.ofMillis(50)));
    }

    @Test
    void joinReportsARefusalAsAProtocolErrorCarryingTheRefusal() throws IOException {
        member("alice", Framing.LINE);
        ChatClient other = ChatClient.connect(daemon.server().localAddress(), Framing.LINE, WAIT);
        clients.add(other);
        other.readGreeting(WAIT);
        ChatProtocolException refused = assertThrows(ChatProtocolException.class, () -> other.join("Alice", WAIT));
        assertEquals(new ChatEvent.NameRefused("Sorry, the name Alice is taken. Type another name and press enter!"),
                refused.event());
    }

    @Test
    void closeAbruptlyResetsTheConnection() throws Exception {
        ChatClient alice = member("alice", Framing.LINE);
        member("bob", Framing.LINE).closeAbruptly();
        assertEquals(new ChatEvent.Joined("bob"), alice.next(WAIT));
        assertEquals(new ChatEvent.Left("bob"), alice.next(WAIT));
        awaitCount(() -> daemon.server().stats().leaves(DisconnectReason.RESET), 1);
    }

    @Test
    void halfCloseEndsOnlyOurSendingSide() throws Exception {
        ChatClient alice = member("alice", Framing.LINE);
        ChatClient bob = member("bob", Framing.LEGACY);
        bob.halfClose();
        assertEquals(new ChatEvent.Joined("bob"), alice.next(WAIT));
        assertEquals(new ChatEvent.Left("bob"), alice.next(WAIT));
        assertEquals(new ChatEvent.EndOfStream(), bob.next(WAIT));
        awaitCount(() -> daemon.server().stats().leaves(DisconnectReason.CLOSED), 1);
    }

    private static void awaitCount(LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, counter.getAsLong());
    }
}
