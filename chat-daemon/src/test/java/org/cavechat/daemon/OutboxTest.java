package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void framesAreCopiedOutInOrderAndConsumedAcrossPartialWrites() {
        Outbox outbox = new Outbox(4096);
        outbox.offer(bytes("alice: hi\n"));
        outbox.offer(bytes("bob: yo\n"));
        ByteBuffer target = ByteBuffer.allocate(64);

        assertEquals(18, outbox.copyInto(target, Integer.MAX_VALUE));
        assertEquals("alice: hi\nbob: yo\n", text(target));

        outbox.consume(13); // the socket took "alice: hi\nbob"
        target.clear();
        assertEquals(5, outbox.copyInto(target, Integer.MAX_VALUE));
        assertEquals(": yo\n", text(target));
        assertEquals(5, outbox.pendingBytes());

        outbox.consume(5);
        assertTrue(outbox.isEmpty());
        assertEquals(0, outbox.pendingBytes());
    }

    @Test
    void legacyWritesTakeOneFrameAtATime() {
        Outbox outbox = new Outbox(4096);
        outbox.offer(bytes("Welcome alice!"));
        outbox.offer(bytes("bob has joined the chat!"));
        ByteBuffer target = ByteBuffer.allocate(64);

        outbox.copyInto(target, 1);

        assertEquals("Welcome alice!", text(target));
    }

    @Test
    void aFrameThatWouldExceedTheBudgetIsRefusedAndNothingIsQueued() {
        Outbox outbox = new Outbox(10);
        assertTrue(outbox.offer(bytes("12345678")));

        assertFalse(outbox.offer(bytes("abc")));
        assertEquals(8, outbox.pendingBytes());
    }

    @Test
    void aGoodbyeIsQueuedEvenOverTheBudget() {
        Outbox outbox = new Outbox(10);
        outbox.offer(bytes("12345678"));

        outbox.append(bytes("{quit}"));

        assertEquals(14, outbox.pendingBytes());
    }

    @Test
    void theRingGrowsPastItsInitialCapacityAndKeepsOrder() {
        Outbox outbox = new Outbox(1 << 20);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            outbox.offer(bytes(i + ","));
            expected.append(i).append(',');
        }
        ByteBuffer target = ByteBuffer.allocate(1024);

        outbox.copyInto(target, Integer.MAX_VALUE);

        assertEquals(expected.toString(), text(target));
    }

    @Test
    void clearDropsEverythingAndReportsTheBytesDropped() {
        Outbox outbox = new Outbox(4096);
        outbox.offer(bytes("abc"));
        outbox.offer(bytes("de"));
        outbox.consume(1);

        assertEquals(4, outbox.clear());
        assertTrue(outbox.isEmpty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer buffer) {
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
