package org.cavechat.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;

/**
 * The original Tkinter and console clients against the daemon in its container, byte for byte: no newline
 * anywhere, one write per item, {@code {quit}} followed by an immediate close, a close with unread data (a
 * reset) and a half-close. Each test gets a fresh daemon, so names and rooms do not leak between tests.
 */
@DaemonInDocker
class OriginalClientsIT {

    @Container
    final CaveChatContainer daemon = new CaveChatContainer();

    private InetSocketAddress server;

    @BeforeEach
    void findTheDaemon() {
        server = daemon.chatAddress();
    }

    @Test
    void aSessionOfTwoOriginalClientsIsServedByteForByte() throws IOException {
        try (Peer alice = Peer.legacyMember(server, "alice"); Peer bob = Peer.legacyMember(server, "bob")) {
            alice.expect(ServerText.joined("bob"));
            alice.send("hi");
            alice.expect("alice: hi");
            bob.expect("alice: hi");
            bob.send("hello");
            bob.expect("bob: hello");
            alice.expect("bob: hello");
            alice.send(ServerText.QUIT);
            alice.expect(ServerText.QUIT);
            alice.expectEnd();
            bob.expect(ServerText.left("alice"));
            bob.send(ServerText.QUIT);
            bob.expect(ServerText.QUIT);
            bob.expectEnd();
        }
    }

    @Test
    void onlyAChunkExactlyQuitQuitsAndEverythingElseIsRelayedUntouched() throws IOException {
        try (Peer alice = Peer.legacyMember(server, "alice"); Peer bob = Peer.legacyMember(server, "bob")) {
            alice.expect(ServerText.joined("bob"));
            for (String notQuite : new String[] {"{QUIT}", " {quit}", "{quit}\n", "caf\u00e9 \u2615"}) {
                alice.send(notQuite);
                alice.expect("alice: " + notQuite);
                bob.expect("alice: " + notQuite);
            }
        }
    }

    @Test
    void aClientThatSendsQuitAndClosesAtOnceLeavesAndTheRoomGoesOn() throws IOException {
        try (Peer bob = Peer.legacyMember(server, "bob")) {
            Peer alice = Peer.legacyMember(server, "alice");
            bob.expect(ServerText.joined("alice"));
            alice.send(ServerText.QUIT);
            alice.close();
            bob.expect(ServerText.left("alice"));
            assertTheRoomStillWorksFor(bob);
        }
    }

    @Test
    void aClientThatClosesWithUnreadDataResetsAndLeaves() throws IOException {
        try (Peer bob = Peer.legacyMember(server, "bob")) {
            Peer alice = Peer.legacyMember(server, "alice");
            bob.expect(ServerText.joined("alice"));
            bob.send("are you there?");
            bob.expect("bob: are you there?");
            alice.awaitUnreadBytes();
            alice.send(ServerText.QUIT);
            alice.close();
            bob.expect(ServerText.left("alice"));
            assertTheRoomStillWorksFor(bob);
        }
    }

    @Test
    void aClientKilledWithATcpResetLeaves() throws IOException {
        try (Peer bob = Peer.legacyMember(server, "bob")) {
            Peer alice = Peer.legacyMember(server, "alice");
            bob.expect(ServerText.joined("alice"));
            alice.reset();
            bob.expect(ServerText.left("alice"));
            assertTheRoomStillWorksFor(bob);
        }
    }

    @Test
    void aHalfClosedClientLeavesWithoutAnEmptyMessageFlood() throws IOException {
        try (Peer bob = Peer.legacyMember(server, "bob"); Peer alice = Peer.legacyMember(server, "alice")) {
            bob.expect(ServerText.joined("alice"));
            alice.halfClose();
            bob.expect(ServerText.left("alice"));
            alice.expectEnd();
            assertTheRoomStillWorksFor(bob);
        }
    }

    /** The next item after the leave is the member's own echo: nothing (no "alice: " flood) came between. */
    private void assertTheRoomStillWorksFor(Peer bob) throws IOException {
        bob.send("still here");
        bob.expect("bob: still here");
        try (Peer carol = Peer.legacyMember(server, "carol")) {
            bob.expect(ServerText.joined("carol"));
            carol.send("hi bob");
            carol.expect("carol: hi bob");
            bob.expect("carol: hi bob");
        }
    }
}
