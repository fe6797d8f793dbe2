package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ItemEncoderTest {

    @Test
    void legacyBytesAreTheOriginalsWithNothingAdded() {
        assertEquals("Greetings from the cave! Now type your name and press enter!",
                legacy(new ServerItem.Hello(Greeting.REPOSITORY)));
        assertEquals(60, ItemEncoder.encode(new ServerItem.Hello(Greeting.REPOSITORY), Framing.LEGACY).length);
        assertEquals(59, ItemEncoder.encode(new ServerItem.Hello(Greeting.ARTICLE), Framing.LEGACY).length);
        assertEquals("Welcome alice! If you ever want to quit, type {quit} to exit.",
                legacy(new ServerItem.Welcome("alice")));
        assertEquals("bob has joined the chat!", legacy(new ServerItem.Joined("bob")));
        assertEquals("alice: hi\nthere\r", legacy(new ServerItem.Chat("alice", "hi\nthere\r")));
        assertEquals("{quit}", legacy(new ServerItem.QuitEcho()));
        assertEquals("alice has left the chat.", legacy(new ServerItem.Left("alice")));
    }

    @Test
    void lineBytesEndWithNewline() {
        assertEquals("bob has joined the chat!\n", line(new ServerItem.Joined("bob")));
        assertEquals("alice: hi\n", line(new ServerItem.Chat("alice", "hi")));
    }

    @Test
    void everyLineOfALegacyMessageCarriesItsSendersPrefix() {
        assertEquals("mallory: hi\nmallory: bob: I owe alice 5 euros\n",
                line(new ServerItem.Chat("mallory", "hi\nbob: I owe alice 5 euros")));
        assertEquals("mallory: trailing\n", line(new ServerItem.Chat("mallory", "trailing\n")));
        assertEquals("m: \nm: x\n", line(new ServerItem.Chat("m", "\nx")));
    }

    @Test
    void controlCharactersBecomeReplacementCharactersForLineReadersButTabsStay() {
        assertEquals("m: a\uFFFDb\tc\uFFFD\uFFFD\n", line(new ServerItem.Chat("m", "a\rb\tc\u001b\u0085")));
    }

    @Test
    void lineAndParagraphSeparatorsBecomeReplacementCharactersForLineReadersAndStayForLegacyReaders() {
        ServerItem chat = new ServerItem.Chat("m", "a\u2028b\u2029c\u2027d\u202Ae");
        assertEquals("m: a\uFFFDb\uFFFDc\u2027d\u202Ae\n", line(chat));
        assertEquals("m: a\u2028b\u2029c\u2027d\u202Ae", legacy(chat));
    }

    @Test
    void noServerNoticeContainsAColon() {
        ServerItem[] notices = {new ServerItem.Hello(Greeting.REPOSITORY), new ServerItem.Hello(Greeting.ARTICLE),
            new ServerItem.Welcome("a"), new ServerItem.Joined("a"), new ServerItem.QuitEcho(),
            new ServerItem.Left("a"), new ServerItem.NameTaken("a"), new ServerItem.NameInvalid(),
            new ServerItem.NameMisleading(),
            new ServerItem.ServerFull(), new ServerItem.NameTimedOut(), new ServerItem.LineTooLong(4096),
            new ServerItem.ShuttingDown()};
        for (ServerItem notice : notices) {
            assertEquals(-1, ItemEncoder.text(notice).indexOf(':'), ItemEncoder.text(notice));
        }
    }

    private static String legacy(ServerItem item) {
        return new String(ItemEncoder.encode(item, Framing.LEGACY), StandardCharsets.UTF_8);
    }

    private static String line(ServerItem item) {
        return new String(ItemEncoder.encode(item, Framing.LINE), StandardCharsets.UTF_8);
    }
}
