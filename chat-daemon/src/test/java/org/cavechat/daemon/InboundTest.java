package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundTest {
    private final List<String> events = new ArrayList<>();
    /** How many more messages the sink takes before it says stop. */
    private int messagesBeforeStop = Integer.MAX_VALUE;
    private final Inbound.Sink sink = new Inbound.Sink() {
        @Override
        public boolean message(String text) {
            events.add(text);
            return --messagesBeforeStop > 0;
        }

        @Override
        public void lineTooLong() {
            events.add("<too long>");
        }
    };

    @Test
    void eachLegacyReadIsOneMessageVerbatim() {
        Inbound legacy = new LegacyInbound();

        feed(legacy, "alice\n");
        feed(legacy, " {quit}");

        assertEquals(List.of("alice\n", " {quit}"), events);
    }

    @Test
    void aLegacyReadEndingInsideACharacterWaitsAndTheNextReadFinishesItsLastMessage() {
        LegacyInbound legacy = new LegacyInbound();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC

        legacy.accept(new byte[] {'a', euro[0], euro[1]}, 0, 3, sink);
        assertEquals(List.of(), events, "nothing is relayed while the character may still go on");
        assertTrue(legacy.holdsCutCharacter());
        legacy.accept(new byte[] {euro[2], 'b'}, 0, 2, sink);

        assertEquals(List.of("a€", "b"), events);
        assertFalse(legacy.holdsCutCharacter());
    }

    @Test
    void aCharacterCutAcrossThreeReadsArrivesWhole() {
        LegacyInbound legacy = new LegacyInbound();
        byte[] smile = "😀".getBytes(StandardCharsets.UTF_8); // F0 9F 98 80

        legacy.accept(new byte[] {'x', smile[0]}, 0, 2, sink);
        legacy.accept(new byte[] {smile[1]}, 0, 1, sink);
        legacy.accept(new byte[] {smile[2], smile[3]}, 0, 2, sink);

        assertEquals(List.of("x😀"), events);
    }

    @Test
    void aCutCharacterThatDoesNotGoOnBecomesReplacementAtTheEndOfItsOwnMessageNotGluedToQuit() {
        Inbound legacy = new LegacyInbound();

        legacy.accept(new byte[] {'h', 'i', (byte) 0xE2, (byte) 0x82}, 0, 4, sink);
        feed(legacy, "{quit}");

        assertEquals(List.of("hi\uFFFD", "{quit}"), events);
    }

    @Test
    void aCutCharacterReleasedAfterTheQuietTimeBecomesReplacementAtTheEndOfItsMessage() {
        LegacyInbound legacy = new LegacyInbound();
        legacy.accept(new byte[] {'h', 'i', (byte) 0xC3}, 0, 3, sink);

        legacy.releaseHeld(sink);

        assertEquals(List.of("hi\uFFFD"), events);
        assertEquals(0, legacy.heldBytes());
    }

    @Test
    void aLegacyReadIsAtMost1024BytesWhateverIsHeld() {
        LegacyInbound legacy = new LegacyInbound();
        legacy.accept(new byte[] {'a', (byte) 0xC3}, 0, 2, sink);

        assertEquals(1024, legacy.readLimit(65536));
    }

    @Test
    void aLineReadStoppedByTheSinkKeepsTheRestUntilResumedAndLosesNothing() {
        Inbound line = new LineInbound(100);
        messagesBeforeStop = 2;

        feed(line, "one\ntwo\nthree\nfou");
        assertEquals(List.of("one", "two"), events);
        assertTrue(line.hasBacklog());
        assertEquals("three\nfou".length(), line.heldBytes());

        messagesBeforeStop = Integer.MAX_VALUE;
        line.resume(sink);
        feed(line, "r\n");

        assertEquals(List.of("one", "two", "three", "four"), events);
        assertFalse(line.hasBacklog());
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        Inbound legacy = new LegacyInbound();

        legacy.accept(new byte[] {'o', (byte) 0xFF, 'k'}, 0, 3, sink);

        assertEquals(List.of("o\uFFFDk"), events);
    }

    @Test
    void linesAreReassembledAcrossReadsAndCarriageReturnsDropped() {
        Inbound line = new LineInbound(100);

        feed(line, "hel");
        feed(line, "lo\r\nsecond\nthi");
        feed(line, "rd\n");

        assertEquals(List.of("hello", "second", "third"), events);
    }

    @Test
    void emptyLinesAreIgnored() {
        Inbound line = new LineInbound(100);

        feed(line, "\n\r\nhi\n\n");

        assertEquals(List.of("hi"), events);
    }

    @Test
    void aLineOverTheCapIsDroppedUpToItsNewlineAndReportedOnce() {
        Inbound line = new LineInbound(5);

        feed(line, "12345\n");
        feed(line, "123456789");
        feed(line, "more and more");
        feed(line, "end\nok\n");

        assertEquals(List.of("12345", "<too long>", "ok"), events);
    }

    @Test
    void aCompleteLineOverTheCapInOneReadIsDropped() {
        Inbound line = new LineInbound(5);

        feed(line, "123456\nok\n");

        assertEquals(List.of("<too long>", "ok"), events);
    }

    @Test
    void aLineOfExactlyTheCapMayEndWithCarriageReturnNewline() {
        Inbound line = new LineInbound(5);

        feed(line, "12345\r");
        feed(line, "\n");

        assertEquals(List.of("12345"), events);
    }

    private void feed(Inbound inbound, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        inbound.accept(bytes, 0, bytes.length, sink);
    }
}
