package org.cavechat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsOnlyWholeItemsAfterTheSyncMarkAndItsNewline() {
        Delivery delivery = new Delivery(4, 1);

        assertEquals(0, delivery.received(bytes("m2 has joined the chat!\nsender: {SYN")));
        assertFalse(delivery.settled());
        assertEquals(1, delivery.received(bytes("C}\nabc\nab")));
        assertTrue(delivery.settled());
        assertEquals(2, delivery.received(bytes("c\nabc\nab")));
    }

    @Test
    void aLegacyMemberCountsFromTheByteAfterTheMark() {
        Delivery delivery = new Delivery(3, 0);

        assertEquals(2, delivery.received(bytes("m9 has joined the chat!sender: {SYNC}xyzxyzx")));
        assertEquals(1, delivery.received(bytes("yz")));
    }

    @Test
    void aPartialMarkFollowedByAnotherBraceStillFindsTheMark() {
        Delivery delivery = new Delivery(1, 0);

        assertEquals(2, delivery.received(bytes("{SY{SYNC}ab")));
    }

    @Test
    void theTerminatorMayArriveInTheNextRead() {
        Delivery delivery = new Delivery(2, 1);

        assertEquals(0, delivery.received(bytes("{SYNC}")));
        assertFalse(delivery.settled());
        assertEquals(1, delivery.received(bytes("\nab")));
    }
}
