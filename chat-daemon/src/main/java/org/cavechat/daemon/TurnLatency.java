package org.cavechat.daemon;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long the event loop took to serve the turns that produced output: from the start of a turn's reads to
 * the end of its flush, counted in fixed buckets. Written only by the event-loop thread (once per turn, never
 * per delivery), read by anyone: a reader sees each bucket exact, and the sum may run a turn ahead of them.
 */
final class TurnLatency {
    /**
     * Upper bounds in seconds, from a turn that echoes one line (tens of microseconds) to a broadcast to thousands
     * of members (milliseconds) and past anything a healthy loop takes; the last bucket is +Inf.
     */
    static final double[] UPPER_BOUNDS_SECONDS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0,
        Double.POSITIVE_INFINITY
    };

    private static final long[] UPPER_BOUNDS_NANOS = nanos(UPPER_BOUNDS_SECONDS);

    private final AtomicLongArray counts = new AtomicLongArray(UPPER_BOUNDS_SECONDS.length);
    private final AtomicLong sumNanos = new AtomicLong();

    void record(long nanos) {
        int bucket = 0;
        while (nanos > UPPER_BOUNDS_NANOS[bucket]) {
            bucket++;
        }
        counts.incrementAndGet(bucket);
        sumNanos.addAndGet(nanos);
    }

    /** Turns whose time fell in each bucket (not cumulative), in the order of {@link #UPPER_BOUNDS_SECONDS}. */
    long[] counts() {
        long[] copy = new long[counts.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts.get(i);
        }
        return copy;
    }

    double sumSeconds() {
        return sumNanos.get() / 1e9;
    }

    private static long[] nanos(double[] seconds) {
        long[] nanos = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            nanos[i] = Double.isInfinite(seconds[i]) ? Long.MAX_VALUE : Math.round(seconds[i] * TimeUnit.SECONDS.toNanos(1));
        }
        return nanos;
    }
}
