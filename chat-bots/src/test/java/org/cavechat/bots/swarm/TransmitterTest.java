package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cavechat.bots.Framing;
import org.junit.jupiter.api.Test;

/**
 * When a loop may sleep and when the {@link SendClock} wakes it. Pure arithmetic on {@code nanoTime} values
 * handed in by the test, so nothing here depends on the machine's timing.
 */
class TransmitterTest {
    private static final long START = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void aSlowSwarmIsWokenAheadOfEachMessageAndPollsTheLastStretch() {
        // 1 talker at 100 messages per second: under the clocked rate, so each send has its own wakeup.
        Transmitter transmitter = transmitterFor(1, 10 * MILLI);
        long due = START;

        assertEquals(due - Transmitter.SPIN_LEAD_NANOS, transmitter.nextSendNanos());
        assertEquals(5, transmitter.waitMillis(due - 5 * MILLI));
        assertEquals(1, transmitter.waitMillis(due - Transmitter.SPIN_LEAD_NANOS - 1));
        assertEquals(0, transmitter.waitMillis(due - Transmitter.SPIN_LEAD_NANOS));
        assertEquals(0, transmitter.waitMillis(due - 1));
        assertEquals(0, transmitter.waitMillis(due + MILLI));
    }

    @Test
    void aFastSwarmIsNeverClockedAndSleepsUntilItsBatchWindowCloses() {
        // 1 talker at 100,000 messages per second: messages are batched over a 1 ms window, no clock.
        Transmitter transmitter = transmitterFor(1, 10_000);
        long due = START;

        assertEquals(Long.MAX_VALUE, transmitter.nextSendNanos());
        assertEquals(1, transmitter.waitMillis(due));
        assertEquals(1, transmitter.waitMillis(due + MILLI - Transmitter.SPIN_LEAD_NANOS));
        assertEquals(0, transmitter.waitMillis(due + MILLI));
    }

    @Test
    void manyTalkersTogetherAboveTheClockedRateAreNotClocked() {
        // 20 talkers at 100 messages per second each: 2,000 per second in all.
        Transmitter transmitter = transmitterFor(20, 10 * MILLI);

        assertEquals(Long.MAX_VALUE, transmitter.nextSendNanos());
        assertEquals(1, transmitter.waitMillis(START - Transmitter.SPIN_LEAD_NANOS));
        assertEquals(0, transmitter.waitMillis(START));
    }

    @Test
    void withNothingToSendTheLoopSleepsItsLongestAndIsNeverClocked() {
        Transmitter transmitter = plannedFor(1, 10 * MILLI);

        assertEquals(100, transmitter.waitMillis(START));
        assertEquals(Long.MAX_VALUE, transmitter.nextSendNanos());
    }

    /** A transmitter whose one scheduled talker (phase 0) is first due at {@link #START}. */
    private static Transmitter transmitterFor(int talkers, double intervalNanos) {
        Transmitter transmitter = plannedFor(talkers, intervalNanos);
        Bot talker = new Bot(0, "bot0", Framing.LINE, null, 64);
        talker.talker = 0;
        transmitter.schedule(talker);
        return transmitter;
    }

    /** A transmitter that has begun traffic starting at {@link #START} but has no talker scheduled yet. */
    private static Transmitter plannedFor(int talkers, double intervalNanos) {
        Transmitter transmitter = new Transmitter(new SwarmCounters(talkers), (bot, e) -> { }, Framing.LINE, 64);
        transmitter.begin(new TrafficPlan(0, START, START, START + 1_000 * MILLI, intervalNanos, talkers));
        return transmitter;
    }
}
