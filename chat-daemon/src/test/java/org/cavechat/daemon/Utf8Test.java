package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void asciiEndsOnABoundary() {
        assertEquals(0, missing(0x61, 0x62));
    }

    @Test
    void completeMultiByteCharactersEndOnABoundary() {
        assertEquals(0, missing(0xC3, 0xA9));             // é
        assertEquals(0, missing(0xE2, 0x82, 0xAC));       // €
        assertEquals(0, missing(0xF0, 0x9F, 0x98, 0x80)); // 😀
    }

    @Test
    void anIncompleteSequenceAtTheEndSaysHowManyBytesItLacks() {
        assertEquals(1, missing(0x61, 0xC3));
        assertEquals(1, missing(0x61, 0xE2, 0x82));
        assertEquals(2, missing(0x61, 0xE2));
        assertEquals(1, missing(0x61, 0xF0, 0x9F, 0x98));
        assertEquals(3, missing(0xF0));
    }

    @Test
    void leadingContinuationsAreCountedUpToTheNumberMissing() {
        byte[] bytes = {(byte) 0x82, (byte) 0xAC, 0x61, (byte) 0x80};
        assertEquals(2, Utf8.leadingContinuations(bytes, 0, bytes.length, 3));
        assertEquals(1, Utf8.leadingContinuations(bytes, 0, bytes.length, 1));
        assertEquals(0, Utf8.leadingContinuations(bytes, 2, bytes.length, 3));
        assertEquals(1, Utf8.leadingContinuations(bytes, 0, 1, 3));
    }

    @Test
    void bytesNoContinuationCanRepairAreNotHeldBack() {
        assertEquals(0, missing(0x61, 0xFF));
        assertEquals(0, missing(0x80, 0x80, 0x80, 0x80));
        assertEquals(0, missing(0x61, 0xC0));
    }

    private static int missing(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Utf8.missingBytes(bytes, 0, bytes.length);
    }
}
