package org.cavechat.bots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FramingTest {

    @Test
    void aLineIsTheTextInUtf8AndOneNewlineWhileALegacyChunkIsTheTextAlone() {
        assertArrayEquals(new byte[] {'h', (byte) 0xc3, (byte) 0xa9, '\n'}, Framing.LINE.frame("h\u00e9"));
        assertArrayEquals(new byte[] {'h', (byte) 0xc3, (byte) 0xa9}, Framing.LEGACY.frame("h\u00e9"));
        assertArrayEquals(new byte[] {'\n'}, Framing.LINE.terminator());
        assertArrayEquals(new byte[0], Framing.LEGACY.terminator());
    }

    @Test
    void aFramingIsNamedInAnyCaseAndAnyOtherWordIsRefused() {
        assertEquals(Framing.LINE, Framing.named("Line"));
        assertEquals(Framing.LEGACY, Framing.named("LEGACY"));
        assertEquals("unknown framing 'auto' (legacy or line)",
                assertThrows(IllegalArgumentException.class, () -> Framing.named("auto")).getMessage());
    }
}
