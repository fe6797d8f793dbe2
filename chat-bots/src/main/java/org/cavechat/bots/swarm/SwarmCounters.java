package org.cavechat.bots.swarm;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counts of one run, added to by every loop thread and read once a second by the progress line
 * and at the end by the summary. Thread-safe: adders and accumulators only.
 */
final class SwarmCounters {
    /** Connections established (before the name was accepted). */
    final LongAdder connected = new LongAdder();
    /** Goodbyes or closes that failed at the end; nothing depends on them, but they are not hidden. */
    final LongAdder closeFailures = new LongAdder();
    final LongAdder joined = new LongAdder();
    /** Members right now: joined and not yet gone. */
    final LongAdder members = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder sentMeasured = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder duplicated = new LongAdder();
    final LongAdder reordered = new LongAdder();
    final LongAdder malformed = new LongAdder();
    /** Unique deliveries of members that have since gone: no longer expected to grow. */
    final LongAdder departedDeliveries = new LongAdder();
    /** Bots holding a half-written message. */
    final LongAdder botsWithPendingOutput = new LongAdder();
    final LongAccumulator maxSendLagNanos = new LongAccumulator(Math::max, 0);
    final LongAccumulator lastMeasuredSendNanos = new LongAccumulator(Math::max, Long.MIN_VALUE);
    /** Messages scheduled but not yet handed to a socket, by talkers still present: the drain waits for 0. */
    final LongAdder scheduledRemaining = new LongAdder();
    private final CountDownLatch joinsResolved;
    private final Map<BotEnd, LongAdder> ends = new EnumMap<>(BotEnd.class);
    /** The first failure before a join, reason and detail together (selector threads race to set it). */
    private volatile FirstFailure firstConnectFailure;

    private record FirstFailure(BotEnd reason, String detail) {}

    SwarmCounters(int bots) {
        this.joinsResolved = new CountDownLatch(bots);
        for (BotEnd end : BotEnd.values()) {
            ends.put(end, new LongAdder());
        }
    }

    void ended(BotEnd reason, String detail) {
        ends.get(reason).increment();
        if (reason.beforeJoin() && firstConnectFailure == null) {
            firstConnectFailure = new FirstFailure(reason, detail);
        }
    }

    /** One bot is a member or has failed to become one. */
    void joinResolved() {
        joinsResolved.countDown();
    }

    /** Waits until every bot is a member or has failed, for at most {@code nanos}; true if all are. */
    boolean awaitJoins(long nanos) throws InterruptedException {
        return joinsResolved.await(nanos, TimeUnit.NANOSECONDS);
    }

    long ends(BotEnd reason) {
        return ends.get(reason).sum();
    }

    /** Failed connects and joins plus disconnects: every bot that ended other than by the swarm's own stop. */
    long errors() {
        long total = 0;
        for (LongAdder adder : ends.values()) {
            total += adder.sum();
        }
        return total;
    }

    long failedJoins() {
        long total = 0;
        for (Map.Entry<BotEnd, LongAdder> entry : ends.entrySet()) {
            if (entry.getKey().beforeJoin()) {
                total += entry.getValue().sum();
            }
        }
        return total;
    }

    /** The first connect or join failure's message, for the one-line error when nothing could join. */
    String firstConnectError() {
        FirstFailure first = firstConnectFailure;
        return first == null ? null : first.detail();
    }

    /** Why the first connect or join failed, or null when none has. */
    BotEnd firstConnectEnd() {
        FirstFailure first = firstConnectFailure;
        return first == null ? null : first.reason();
    }
}
