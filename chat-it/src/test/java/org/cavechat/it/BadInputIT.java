package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;

/**
 * Bad input over the wire (oversized lines, invalid UTF-8, binary noise, a flood of connections past the
 * limit) never stops the daemon from serving the members that behave. Each test gets a fresh daemon.
 */
@DaemonInDocker
class BadInputIT {
    private static final int MAX_LINE_BYTES = 4096;
    private static final int MAX_CONNECTIONS = 40;
    private static final int FLOOD = 100;

    @Container
    final CaveChatContainer daemon = new CaveChatContainer("--max-connections", String.valueOf(MAX_CONNECTIONS));

    private InetSocketAddress server;

    @BeforeEach
    void findTheDaemon() {
        server = daemon.chatAddress();
    }

    @Test
    void aLineOverTheCapIsRefusedToItsSenderAloneWhileALineAtTheCapIsRelayed() throws IOException {
        try (Peer alice = Peer.lineMember(server, "alice"); Peer bob = Peer.lineMember(server, "bob")) {
            alice.expectLine(ServerText.joined("bob"));
            String atTheCap = "a".repeat(MAX_LINE_BYTES - 1) + "z";
            alice.sendLine(atTheCap);
            alice.expectLine(ServerText.message("alice", atTheCap));
            bob.expectLine(ServerText.message("alice", atTheCap));
            alice.sendLine("b".repeat(MAX_LINE_BYTES + 1));
            alice.expectLine(ServerText.lineTooLong(MAX_LINE_BYTES));
            alice.sendLine("c".repeat(100_000));
            alice.expectLine(ServerText.lineTooLong(MAX_LINE_BYTES));
            alice.sendLine("short again");
            alice.expectLine(ServerText.message("alice", "short again"));
            bob.expectLine(ServerText.message("alice", "short again"));
        }
    }

    @Test
    void invalidUtf8InAMessageArrivesAsReplacementCharactersInBothFramings() throws IOException {
        try (Peer mallory = Peer.legacyMember(server, "mallory"); Peer carol = Peer.lineMember(server, "carol")) {
            mallory.expect(ServerText.joined("carol"));
            byte[] broken = {'a', 'b', (byte) 0xFF, (byte) 0xFE, 'c', 'd'};
            mallory.send(broken);
            mallory.expect(ServerText.message("mallory", "ab\uFFFD\uFFFDcd"));
            carol.expectLine(ServerText.message("mallory", "ab\uFFFD\uFFFDcd"));
        }
    }

    @Test
    void invalidUtf8InANameIsRefusedAndAnotherNameIsAccepted() throws IOException {
        try (Peer dave = Peer.connect(server)) {
            dave.expect(ServerText.GREETING);
            dave.send(new byte[] {'d', (byte) 0xC3, '\n'});
            dave.expectLine(ServerText.INVALID_NAME);
            dave.sendLine("dave");
            dave.expectLine(ServerText.welcome("dave"));
        }
    }

    @Test
    void binaryNoiseFromOneConnectionLeavesTheRoomClean() throws IOException {
        try (Peer alice = Peer.lineMember(server, "alice"); Peer bob = Peer.lineMember(server, "bob")) {
            alice.expectLine(ServerText.joined("bob"));
            try (Peer noise = Peer.connect(server)) {
                noise.expect(ServerText.GREETING);
                byte[] bytes = new byte[256 * 1024];
                new Random(4).nextBytes(bytes);
                noise.send(bytes);
            }
            alice.sendLine("still fine");
            List<String> lines = new ArrayList<>();
            String stillFine = ServerText.message("alice", "still fine");
            for (String line = bob.readLine(); !line.equals(stillFine); line = bob.readLine()) {
                lines.add(line);
                assertTrue(lines.size() < 1000, "bob is flooded by the noise");
            }
            for (String line : lines) {
                assertTrue(line.chars().noneMatch(c -> c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F),
                        "a control character reached a line reader: " + line);
            }
        }
    }

    @Test
    void aConnectionFloodPastTheLimitIsTurnedAwayWhileMembersAreServed() throws IOException {
        List<Peer> flood = new ArrayList<>();
        try (Peer alice = Peer.lineMember(server, "alice"); Peer bob = Peer.lineMember(server, "bob")) {
            alice.expectLine(ServerText.joined("bob"));
            int greeted = 0;
            int turnedAway = 0;
            for (int i = 0; i < FLOOD; i++) {
                Peer peer = Peer.connect(server);
                flood.add(peer);
                if (isTurnedAway(peer)) {
                    turnedAway++;
                } else {
                    greeted++;
                }
            }
            assertEquals(MAX_CONNECTIONS - 2, greeted, "flood connections greeted");
            assertEquals(FLOOD - MAX_CONNECTIONS + 2, turnedAway, "flood connections turned away");
            alice.sendLine("still served");
            bob.expectLine(ServerText.message("alice", "still served"));
            alice.expectLine(ServerText.message("alice", "still served"));
        } finally {
            for (Peer peer : flood) {
                peer.close();
            }
        }
    }

    /** Reads the first item: the greeting (the connection stays) or the refusal followed by the end. */
    private static boolean isTurnedAway(Peer peer) throws IOException {
        byte[] full = ServerText.FULL.getBytes(StandardCharsets.UTF_8);
        byte[] first = peer.receive(full.length);
        if (Arrays.equals(full, first)) {
            peer.expectEnd();
            return true;
        }
        String rest = new String(peer.receive(ServerText.GREETING.length() - full.length), StandardCharsets.UTF_8);
        assertEquals(ServerText.GREETING, new String(first, StandardCharsets.UTF_8) + rest);
        return false;
    }
}
