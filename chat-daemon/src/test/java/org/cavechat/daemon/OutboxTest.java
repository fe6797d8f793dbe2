package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboxTest {
    /** An empty outbox pins its 4 ring slots of 8 bytes. */
    private static final long EMPTY_RING = 32;

    private final MemoryBudget memory = new MemoryBudget(Long.MAX_VALUE, new DaemonStats());

    @Test
    void framesAreCopiedOutInOrderAndConsumedAcrossPartialWrites() {
        Outbox outbox = new Outbox(4096, memory);
        outbox.offer(frame("alice: hi\n"));
        outbox.offer(frame("bob: yo\n"));
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
        Outbox outbox = new Outbox(4096, memory);
        outbox.offer(frame("Welcome alice!"));
        outbox.offer(frame("bob has joined the chat!"));
        ByteBuffer target = ByteBuffer.allocate(64);

        outbox.copyInto(target, 1);

        assertEquals("Welcome alice!", text(target));
    }

    @Test
    void theBudgetCountsEveryByteAFramePinsAndTheRingSlots() {
        // An 8-byte frame pins 32 bytes of headers and 8 of content: 40. With the ring's 32 that is 72.
        Outbox outbox = new Outbox(112, memory);
        assertTrue(outbox.offer(frame("12345678")));
        assertEquals(72, outbox.pinnedBytes());

        assertTrue(outbox.offer(frame("abc")));  // 72 + 40 = 112: exactly the budget
        assertFalse(outbox.offer(frame("d")));   // one more frame would pass it
        assertEquals(11, outbox.pendingBytes());
        assertEquals(80, outbox.queuedHeapBytes());
    }

    @Test
    void aGoodbyeIsQueuedEvenOverTheBudget() {
        Outbox outbox = new Outbox(72, memory);
        outbox.offer(frame("12345678"));

        outbox.append(frame("{quit}"));

        assertEquals(14, outbox.pendingBytes());
    }

    @Test
    void aFrameSharedByManyOutboxesIsChargedToTheMemoryBudgetOnceUntilTheLastHasWrittenIt() {
        Frame shared = frame("alice: hi\n"); // 10 bytes of content: 32 + 16 = 48 bytes of heap
        Outbox first = new Outbox(4096, memory);
        Outbox second = new Outbox(4096, memory);
        assertEquals(2 * EMPTY_RING, memory.usedBytes());

        first.offer(shared);
        second.offer(shared);
        assertEquals(2 * EMPTY_RING + 48, memory.usedBytes());

        first.consume(10);
        assertEquals(2 * EMPTY_RING + 48, memory.usedBytes());
        second.consume(10);
        assertEquals(2 * EMPTY_RING, memory.usedBytes());
    }

    @Test
    void aGrownRingIsChargedAndGivenBackWhenTheOutboxIsReleased() {
        Outbox outbox = new Outbox(1 << 20, memory);
        for (int i = 0; i < 5; i++) {
            outbox.offer(frame("x"));
        }
        // 8 slots of 8 bytes, and 5 frames of 32 + 8 bytes.
        assertEquals(64 + 5 * 40, memory.usedBytes());

        assertEquals(5, outbox.release());

        assertEquals(0, memory.usedBytes());
        assertTrue(outbox.isEmpty());
    }

    @Test
    void theRingGrowsPastItsInitialCapacityAndKeepsOrder() {
        Outbox outbox = new Outbox(1 << 20, memory);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            outbox.offer(frame(i + ","));
            expected.append(i).append(',');
        }
        ByteBuffer target = ByteBuffer.allocate(1024);

        outbox.copyInto(target, Integer.MAX_VALUE);

        assertEquals(expected.toString(), text(target));
    }

    private static Frame frame(String text) {
        return new Frame(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
