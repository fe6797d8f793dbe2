package org.cavechat.bots;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDecoderTest {

    private final LineDecoder decoder = new LineDecoder();

    private List<ChatEvent> feed(byte[]... reads) {
        List<ChatEvent> events = new ArrayList<>();
        for (byte[] read : reads) {
            events.addAll(decoder.decode(read, 0, read.length));
        }
        return events;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void greetingWithoutNewlineIsRecognisedByItsText() {
        assertEquals(List.of(new ChatEvent.Greeting(ServerText.GREETING),
                        new ChatEvent.Welcome("alice")),
                feed(bytes(ServerText.GREETING), bytes("Welcome alice! If you ever want to quit, type {quit} to exit.\n")));
    }

    @Test
    void greetingFollowedByNewlineInTheSameReadGivesNoEmptyItem() {
        assertEquals(List.of(new ChatEvent.Greeting(ServerText.GREETING_ARTICLE), new ChatEvent.Joined("bob")),
                feed(bytes(ServerText.GREETING_ARTICLE + "\nbob has joined the chat!\n")));
    }

    @Test
    void greetingSplitAcrossReadsWaitsForItsLastByte() {
        byte[] greeting = bytes(ServerText.GREETING);
        byte[] head = java.util.Arrays.copyOfRange(greeting, 0, 20);
        byte[] tail = java.util.Arrays.copyOfRange(greeting, 20, greeting.length);
        assertEquals(List.of(), feed(head));
        assertEquals(List.of(new ChatEvent.Greeting(ServerText.GREETING)), feed(tail));
    }

    @Test
    void serverFullNoticeMayReplaceTheGreeting() {
        assertEquals(List.of(new ChatEvent.ServerFull(), new ChatEvent.EndOfStream()),
                concat(feed(bytes(ServerText.FULL)), decoder.endOfStream()));
    }

    @Test
    void coalescedLinesBecomeOneEventEach() {
        assertEquals(List.of(new ChatEvent.Greeting(ServerText.GREETING),
                        new ChatEvent.Message("alice", "hi"),
                        new ChatEvent.Left("bob"),
                        new ChatEvent.QuitEcho()),
                feed(bytes(ServerText.GREETING + "alice: hi\nbob has left the chat.\n{quit}\n")));
    }

    @Test
    void aLineSplitAcrossReadsIsReassembled() {
        feed(bytes(ServerText.GREETING));
        assertEquals(List.of(), feed(bytes("alice: hel")));
        assertEquals(List.of(new ChatEvent.Message("alice", "hello there")), feed(bytes("lo there\n")));
    }

    @Test
    void aCharacterSplitAcrossReadsIsReassembled() {
        feed(bytes(ServerText.GREETING));
        byte[] line = bytes("alice: caf\u00e9 \u20ac\n");
        int cut = line.length - 3;
        assertEquals(List.of(), feed(java.util.Arrays.copyOfRange(line, 0, cut)));
        assertEquals(List.of(new ChatEvent.Message("alice", "caf\u00e9 \u20ac")),
                feed(java.util.Arrays.copyOfRange(line, cut, line.length)));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        feed(bytes(ServerText.GREETING));
        assertEquals(List.of(new ChatEvent.Message("alice", "a\ufffdb")),
                feed(new byte[] {'a', 'l', 'i', 'c', 'e', ':', ' ', 'a', (byte) 0xff, 'b', '\n'}));
    }

    @Test
    void theFirstColonSpaceEndsTheSender() {
        feed(bytes(ServerText.GREETING));
        assertEquals(List.of(new ChatEvent.Message("mallory", "bob: I owe alice 5 euros"),
                        new ChatEvent.Message("bob", "carol has joined the chat!")),
                feed(bytes("mallory: bob: I owe alice 5 euros\nbob: carol has joined the chat!\n")));
    }

    @Test
    void refusalsAndOtherNoticesAreClassified() {
        feed(bytes(ServerText.GREETING));
        assertEquals(List.of(new ChatEvent.NameRefused(ServerText.NAME_INVALID),
                        new ChatEvent.NameRefused("Sorry, the name bob is taken. Type another name and press enter!"),
                        new ChatEvent.Notice("Sorry, your line was longer than 4096 bytes and was not sent."),
                        new ChatEvent.ShutdownNotice()),
                feed(bytes(ServerText.NAME_INVALID + "\nSorry, the name bob is taken. Type another name and press enter!\n"
                        + "Sorry, your line was longer than 4096 bytes and was not sent.\n" + ServerText.SHUTDOWN + "\n")));
    }

    @Test
    void anUnterminatedLastLineIsDeliveredAtTheEndOfTheStream() {
        feed(bytes(ServerText.GREETING + "\n{quit}"));
        assertEquals(List.of(new ChatEvent.QuitEcho(), new ChatEvent.EndOfStream()), decoder.endOfStream());
    }

    private static List<ChatEvent> concat(List<ChatEvent> first, List<ChatEvent> second) {
        List<ChatEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
