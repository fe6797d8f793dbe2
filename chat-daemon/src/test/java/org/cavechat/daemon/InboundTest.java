package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundTest {
    private final List<String> events = new ArrayList<>();
    private final Inbound.Sink sink = new Inbound.Sink() {
        @Override
        public void message(String text) {
            events.add(text);
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
    void aLegacyReadEndingInsideACharacterHoldsTheTailBackForTheNextRead() {
        Inbound legacy = new LegacyInbound();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC

        legacy.accept(new byte[] {'a', euro[0], euro[1]}, 0, 3, sink);
        assertEquals(1022, legacy.readLimit(65536), "with two bytes held back, a message stays within 1024 bytes");
        legacy.accept(new byte[] {euro[2], 'b'}, 0, 2, sink);

        assertEquals(List.of("a", "€b"), events);
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
