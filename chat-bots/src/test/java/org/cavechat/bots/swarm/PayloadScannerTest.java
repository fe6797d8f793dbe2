package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadScannerTest {

    /** Records what the scanner found, one string per event. */
    static final class Found implements PayloadScanner.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void payload(int sender, long seq, long intended, long actual) {
            events.add(sender + "/" + seq + "/" + intended + "/" + actual);
        }

        @Override
        public void malformed() {
            events.add("malformed");
        }
    }

    private static byte[] payload(int sender, long seq, long intended, long actual, int size) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(size, Payload.MAX_HEADER_BYTES));
        Payload.encode(buffer, sender, seq, intended, actual, size);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    @Test
    void encodedPayloadHasTheRequestedSizeAndReadableFields() {
        byte[] bytes = payload(7, 42, 1_000_000, 1_000_250, 60);
        assertEquals(60, bytes.length);
        assertEquals("[#7 42 1000000 1000250 " + "x".repeat(60 - 24) + "]", new String(bytes, StandardCharsets.US_ASCII));
    }

    @Test
    void payloadTooSmallForItsHeaderIsNeverCut() {
        byte[] bytes = payload(12345, 9_999_999, 123_456_789_012L, 123_456_789_999L, 20);
        assertEquals("[#12345 9999999 123456789012 123456789999 ]", new String(bytes, StandardCharsets.US_ASCII));
    }

    @Test
    void linesWithNamePrefixesYieldEveryPayloadInOrder() {
        byte[] stream = concat(ascii("bot3: "), payload(0, 0, 10, 11, 64), ascii("\nbot9 has joined the chat!\nbot4: "),
                payload(1, 5, 20, 21, 64), ascii("\n"));
        Found found = new Found();
        new PayloadScanner(128).scan(stream, 0, stream.length, found);
        assertEquals(List.of("0/0/10/11", "1/5/20/21"), found.events);
    }

    @Test
    void legacyItemsRunTogetherWithoutDelimitersStillYieldEveryPayload() {
        byte[] stream = concat(ascii("Welcome bot1! If you ever want to quit, type {quit} to exit.bot2: "),
                payload(2, 3, 30, 31, 80), ascii("bot2: "), payload(2, 4, 40, 41, 80), ascii("bot7 has left the chat."));
        Found found = new Found();
        new PayloadScanner(128).scan(stream, 0, stream.length, found);
        assertEquals(List.of("2/3/30/31", "2/4/40/41"), found.events);
    }

    @Test
    void payloadCutAtEveryPossibleReadBoundaryIsFoundExactlyOnce() {
        byte[] stream = concat(ascii("bot1: "), payload(4, 8, 15, 16, 70), ascii("\nbot1: "), payload(4, 9, 23, 42, 70), ascii("\n"));
        for (int cut = 0; cut <= stream.length; cut++) {
            Found found = new Found();
            PayloadScanner scanner = new PayloadScanner(128);
            scanner.scan(stream, 0, cut, found);
            scanner.scan(stream, cut, stream.length - cut, found);
            assertEquals(List.of("4/8/15/16", "4/9/23/42"), found.events, "cut at " + cut);
        }
    }

    @Test
    void payloadDeliveredOneByteAtATimeIsFound() {
        byte[] stream = concat(ascii("a: "), payload(1, 2, 3, 4, 50));
        Found found = new Found();
        PayloadScanner scanner = new PayloadScanner(128);
        for (int i = 0; i < stream.length; i++) {
            scanner.scan(stream, i, 1, found);
        }
        assertEquals(List.of("1/2/3/4"), found.events);
    }

    @Test
    void bracketsInOrdinaryTextAreNotPayloads() {
        byte[] stream = concat(ascii("human: see [1] and [the docs]\n["), ascii("x"), ascii("bot: "), payload(0, 1, 2, 3, 50));
        Found found = new Found();
        PayloadScanner scanner = new PayloadScanner(128);
        scanner.scan(stream, 0, 31, found);
        scanner.scan(stream, 31, stream.length - 31, found);
        assertEquals(List.of("0/1/2/3"), found.events);
    }

    @Test
    void payloadWithBrokenFieldsIsCountedAsMalformed() {
        byte[] stream = ascii("bot: [#1 2 x 4 ]bot: [#1 2 3]bot: [#12 ]");
        Found found = new Found();
        new PayloadScanner(128).scan(stream, 0, stream.length, found);
        assertEquals(List.of("malformed", "malformed", "malformed"), found.events);
    }

    @Test
    void unterminatedPayloadLongerThanTheLimitIsDroppedAsMalformedAndScanningGoesOn() {
        byte[] first = concat(ascii("[#1 2 3 4 "), ascii("x".repeat(100)));
        byte[] second = concat(ascii("x".repeat(100) + "]"), payload(5, 6, 7, 8, 50));
        Found found = new Found();
        PayloadScanner scanner = new PayloadScanner(128);
        scanner.scan(first, 0, first.length, found);
        scanner.scan(second, 0, second.length, found);
        assertEquals(List.of("malformed", "5/6/7/8"), found.events);
    }
}
