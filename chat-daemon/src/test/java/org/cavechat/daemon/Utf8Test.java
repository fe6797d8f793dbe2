package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void asciiEndsOnABoundary() {
        assertEquals(0, tail(0x61, 0x62));
    }

    @Test
    void completeMultiByteCharactersEndOnABoundary() {
        assertEquals(0, tail(0xC3, 0xA9));             // é
        assertEquals(0, tail(0xE2, 0x82, 0xAC));       // €
        assertEquals(0, tail(0xF0, 0x9F, 0x98, 0x80)); // 😀
    }

    @Test
    void incompleteSequencesAreTheTail() {
        assertEquals(1, tail(0x61, 0xC3));
        assertEquals(2, tail(0x61, 0xE2, 0x82));
        assertEquals(3, tail(0x61, 0xF0, 0x9F, 0x98));
        assertEquals(1, tail(0xF0));
    }

    @Test
    void bytesNoContinuationCanRepairAreNotHeldBack() {
        assertEquals(0, tail(0x61, 0xFF));
        assertEquals(0, tail(0x80, 0x80, 0x80, 0x80));
        assertEquals(0, tail(0x61, 0xC0));
    }

    private static int tail(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Utf8.incompleteTailLength(bytes, 0, bytes.length);
    }
}
