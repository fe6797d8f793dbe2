package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.QUIT;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every item the original sends (items 1 to 7 of docs/protocol.md, "Items") in legacy framing: exactly
 * the original's bytes, no newline anywhere. Each legacy client waits for the echo of one message before sending
 * the next, as a person typing does, so that each of its writes is one read on the server.
 */
class ReferenceTableTest {

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void greetingIsTheRepositorysSixtyByteSpellingByDefault() {
        assertEquals(60, GREETING.getBytes(StandardCharsets.UTF_8).length);
        WireClient client = cave.connect();
        client.expect(GREETING);
        // Nothing follows the greeting: a newline after it would reach the welcome first.
        client.send("alice").expect(welcome("alice"));
    }

    @Test
    void articleGreetingOptionSendsTheArticlesFiftyNineByteSpelling() {
        assertEquals(59, Notices.ARTICLE_GREETING.getBytes(StandardCharsets.UTF_8).length);
        try (RunningServer article = RunningServer.start(c -> c.greeting(Greeting.ARTICLE))) {
            article.connect().expect(Notices.ARTICLE_GREETING).send("alice").expect(welcome("alice"));
        }
    }

    @Test
    void originalNormalSessionProducesExactlyTheOriginalsBytesForBothMembers() {
        // The original's normal session (docs/protocol.md, "The original server"): alice joins, bob joins,
        // alice says hi, bob says hello, alice quits, bob quits.
        WireClient alice = cave.connect().expect(GREETING).send("alice").expect(welcome("alice"));
        WireClient bob = cave.connect().expect(GREETING).send("bob").expect(welcome("bob"));
        alice.expect(joined("bob"));

        alice.send("hi");
        alice.expect(message("alice", "hi"));
        bob.expect(message("alice", "hi"));

        bob.send("hello");
        alice.expect(message("bob", "hello"));
        bob.expect(message("bob", "hello"));

        alice.send(QUIT);
        alice.expect(QUIT);
        alice.expectEof();
        bob.expect(left("alice"));

        bob.send(QUIT);
        bob.expect(QUIT);
        bob.expectEof();
    }

    @Test
    void welcomeGoesToTheJoinerOnlyAndTheJoinNoticeToEveryoneElse() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLegacy("bob");
        alice.expect(joined("bob"));
        WireClient carol = cave.joinLegacy("carol");
        alice.expect(joined("carol"));
        bob.expect(joined("carol"));

        // The next item each receives is carol's message: no one got a second welcome, carol no own join.
        carol.send("x");
        alice.expect(message("carol", "x"));
        bob.expect(message("carol", "x"));
        carol.expect(message("carol", "x"));
    }

    @Test
    void joinerDoesNotReceiveItsOwnJoinNotice() {
        WireClient alice = cave.joinLegacy("alice");
        alice.send("marker").expect(message("alice", "marker"));
    }

    @Test
    void welcomeReachesTheJoinerBeforeAnyoneElsesMessage() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.greeted().send("bob");
        alice.expect(joined("bob"));
        alice.send("hi");
        bob.expect(welcome("bob")).expect(message("alice", "hi"));
    }

    @Test
    void senderReceivesItsOwnMessageBecauseTheOriginalGuiHasNoLocalEcho() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLegacy("bob");
        alice.expect(joined("bob"));
        bob.send("hello");
        bob.expect(message("bob", "hello"));
        alice.expect(message("bob", "hello"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{QUIT}", " {quit}", "{quit} ", "{quit}\n", "{quit}{quit}", "quit"})
    void onlyAChunkExactlyQuitQuitsAnythingElseIsRelayedAsText(String almostQuit) {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLegacy("bob");
        alice.expect(joined("bob"));
        alice.send(almostQuit);
        alice.expect(message("alice", almostQuit));
        bob.expect(message("alice", almostQuit));
        alice.send("still here").expect(message("alice", "still here"));
        bob.expect(message("alice", "still here"));
    }

    @Test
    void quitterReceivesQuitThenEndOfStreamAndTheOthersTheLeaveNotice() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLegacy("bob");
        alice.expect(joined("bob"));
        bob.send(QUIT);
        bob.expect(QUIT).expectEof();
        alice.expect(left("bob"));
        Deadline.awaitLeaves(cave, DisconnectReason.QUIT, 1);
    }

    @Test
    void quitAsTheFirstChunkIsARequestToQuitBeforeJoiningAndNobodyIsTold() {
        WireClient alice = cave.joinLegacy("alice");
        cave.greeted().send(QUIT).expect(QUIT).expectEof();
        alice.send("marker").expect(message("alice", "marker"));
        assertEquals(1, cave.stats().joins());
    }

    @Test
    void legacyMessageLongerThan1024BytesIsRelayedInPiecesOf1024AsTheOriginalDid() {
        WireClient alice = cave.joinLegacy("alice");
        WireClient bob = cave.joinLegacy("bob");
        alice.expect(joined("bob"));
        String big = "abcdefghij".repeat(500);
        alice.send(big);
        for (WireClient member : new WireClient[] {alice, bob}) {
            member.expect(message("alice", big.substring(0, 1024)))
                    .expect(message("alice", big.substring(1024, 2048)))
                    .expect(message("alice", big.substring(2048, 3072)))
                    .expect(message("alice", big.substring(3072, 4096)))
                    .expect(message("alice", big.substring(4096)));
        }
    }
}
