package org.cavechat.bots;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyDecoderTest {

    private static final String WELCOME_ALICE = "Welcome alice! If you ever want to quit, type {quit} to exit.";

    private final LegacyDecoder decoder = new LegacyDecoder();

    private List<ChatEvent> feed(String... reads) {
        List<ChatEvent> events = new ArrayList<>();
        for (String read : reads) {
            events.addAll(feedBytes(read.getBytes(UTF_8)));
        }
        return events;
    }

    private List<ChatEvent> feedBytes(byte[] read) {
        return decoder.decode(read, 0, read.length);
    }

    @Test
    void eachReadIsOneItemWhenNothingCoalesced() {
        assertEquals(List.of(new ChatEvent.Greeting(ServerText.GREETING), new ChatEvent.Welcome("alice"),
                        new ChatEvent.Joined("bob"), new ChatEvent.Message("alice", "hi"),
                        new ChatEvent.Message("bob", "hello"), new ChatEvent.QuitEcho()),
                feed(ServerText.GREETING, WELCOME_ALICE, "bob has joined the chat!", "alice: hi", "bob: hello", "{quit}"));
    }

    @Test
    void welcomeCoalescedWithTheFirstMessageIsSplitAtTheWelcomeClosing() {
        assertEquals(List.of(new ChatEvent.Greeting(ServerText.GREETING), new ChatEvent.Welcome("alice"),
                        new ChatEvent.Message("alice", "hi")),
                feed(ServerText.GREETING + WELCOME_ALICE + "alice: hi"));
    }

    @Test
    void coalescedMessagesAreSplitAtKnownSenders() {
        feed(WELCOME_ALICE);
        decoder.knowNames(List.of("bob"));
        assertEquals(List.of(new ChatEvent.Message("alice", "hi"), new ChatEvent.Message("bob", "hello"),
                        new ChatEvent.Left("bob"), new ChatEvent.Message("alice", "bye")),
                feed("alice: hibob: hellobob has left the chat.alice: bye"));
    }

    @Test
    void namesAreLearnedFromJoinsAndUsedToSplitLaterReads() {
        feed(WELCOME_ALICE, "carol has joined the chat!");
        assertEquals(List.of(new ChatEvent.Message("alice", "yo"), new ChatEvent.Message("carol", "hey")),
                feed("alice: yocarol: hey"));
    }

    @Test
    void aJoinOfAnUnknownNameBehindAMessageStaysInTheMessage() {
        feed(WELCOME_ALICE);
        assertEquals(List.of(new ChatEvent.Message("alice", "hidave has joined the chat!")),
                feed("alice: hidave has joined the chat!"));
    }

    @Test
    void aJoinOfAnUnknownNameAfterAFixedTextIsFound() {
        assertEquals(List.of(new ChatEvent.Welcome("alice"), new ChatEvent.Joined("dave"),
                        new ChatEvent.Message("dave", "hi")),
                feed(WELCOME_ALICE + "dave has joined the chat!dave: hi"));
    }

    @Test
    void aMessageMentioningAKnownNameIsSplitThere() {
        decoder.knowNames(List.of("alice", "bob"));
        assertEquals(List.of(new ChatEvent.Message("alice", "hi "), new ChatEvent.Message("bob", "yo")),
                feed("alice: hi bob: yo"));
    }

    @Test
    void emptyMessagesOfTheOriginalsHalfCloseFloodAreOneEventEach() {
        decoder.knowNames(List.of("alice"));
        assertEquals(List.of(new ChatEvent.Message("alice", ""), new ChatEvent.Message("alice", ""),
                        new ChatEvent.Message("alice", "")),
                feed("alice: alice: alice: "));
    }

    @Test
    void aMegabyteFloodOfEmptyMessagesDecodesIntoOneEventPerItem() {
        decoder.knowNames(List.of("bob"));
        byte[] read = "bob: ".repeat(64 * 1024 / 5).getBytes(UTF_8);
        int events = 0;
        for (int i = 0; i < 16; i++) {
            events += feedBytes(read).size();
        }
        assertEquals(16 * (64 * 1024 / 5), events);
    }

    @Test
    void quitEchoCoalescedBehindTheLastEchoIsSplitOnceQuitWasSent() {
        feed(WELCOME_ALICE);
        decoder.quitSent();
        assertEquals(List.of(new ChatEvent.Message("alice", "bye"), new ChatEvent.QuitEcho(),
                        new ChatEvent.EndOfStream()),
                concat(feed("alice: bye{quit}"), decoder.endOfStream()));
    }

    @Test
    void aMessageEndingInQuitIsWholeWhileWeHaveNotQuit() {
        feed(WELCOME_ALICE);
        assertEquals(List.of(new ChatEvent.Message("alice", " {quit}")), feed("alice:  {quit}"));
    }

    @Test
    void shutdownNoticeCoalescedBehindAMessageIsSplit() {
        feed(WELCOME_ALICE);
        assertEquals(List.of(new ChatEvent.Message("alice", "hi"), new ChatEvent.ShutdownNotice()),
                feed("alice: hi" + ServerText.SHUTDOWN));
    }

    @Test
    void aFixedTextSplitAcrossReadsWaitsForTheRest() {
        assertEquals(List.of(), feed("Greetings from the cave! Now"));
        assertEquals(List.of(new ChatEvent.Greeting(ServerText.GREETING)),
                feed(" type your name and press enter!Welcome al"));
        assertEquals(List.of(new ChatEvent.Welcome("alice")),
                feed("ice! If you ever want to quit, type {quit} to exit."));
    }

    @Test
    void aJoinSplitInsideItsFixedEndingWaitsForTheRest() {
        feed(WELCOME_ALICE);
        assertEquals(List.of(), feed("carol has jo"));
        assertEquals(List.of(new ChatEvent.Joined("carol")), feed("ined the chat!"));
    }

    @Test
    void aCharacterSplitAcrossReadsKeepsTheMessageWhole() {
        feed(WELCOME_ALICE);
        byte[] item = "alice: caf\u00e9".getBytes(UTF_8);
        assertEquals(List.of(), feedBytes(Arrays.copyOfRange(item, 0, item.length - 1)));
        assertEquals(List.of(new ChatEvent.Message("alice", "caf\u00e9")),
                feedBytes(Arrays.copyOfRange(item, item.length - 1, item.length)));
    }

    @Test
    void invalidUtf8BecomesAReplacementCharacter() {
        feed(WELCOME_ALICE);
        assertEquals(List.of(new ChatEvent.Message("alice", "a\ufffdb")),
                feedBytes(new byte[] {'a', 'l', 'i', 'c', 'e', ':', ' ', 'a', (byte) 0xff, 'b'}));
    }

    @Test
    void aCharacterCutByTheEndOfTheStreamBecomesAReplacementCharacter() {
        feed(WELCOME_ALICE);
        assertEquals(List.of(), feedBytes(new byte[] {'a', 'l', 'i', 'c', 'e', ':', ' ', 'x', (byte) 0xc3}));
        assertEquals(List.of(new ChatEvent.Message("alice", "x\ufffd"), new ChatEvent.EndOfStream()),
                decoder.endOfStream());
    }

    @Test
    void refusalsAreBracketedByTheirFixedTexts() {
        assertEquals(List.of(new ChatEvent.Greeting(ServerText.GREETING),
                        new ChatEvent.NameRefused("Sorry, the name bob is taken. Type another name and press enter!"),
                        new ChatEvent.NameRefused(ServerText.NAME_INVALID)),
                feed(ServerText.GREETING + "Sorry, the name bob is taken. Type another name and press enter!"
                        + ServerText.NAME_INVALID));
    }

    @Test
    void newlinesInALegacyMessageStayInItsText() {
        feed(WELCOME_ALICE, "mallory has joined the chat!");
        assertEquals(List.of(new ChatEvent.Message("mallory", "hi\ndave: I owe alice 5 euros")),
                feed("mallory: hi\ndave: I owe alice 5 euros"));
    }

    @Test
    void anUnknownTextIsANotice() {
        assertEquals(List.of(new ChatEvent.Notice("hello"), new ChatEvent.EndOfStream()),
                concat(feed("hello"), decoder.endOfStream()));
    }

    private static List<ChatEvent> concat(List<ChatEvent> first, List<ChatEvent> second) {
        List<ChatEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
