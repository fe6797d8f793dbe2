package org.cavechat.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Deliveries counted by the reader threads, and the one sender thread that waits for them. A reader
 * wakes the sender only when the count reaches what the sender waits for, so that a fast benchmark
 * pays for a wake-up only when its window is full.
 *
 * <p>Thread-safe: readers add, one sender waits.
 */
final class DeliveryCounter {
    private static final Duration STALL_LIMIT = Duration.ofSeconds(30);

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicInteger unsettled;
    private volatile long wanted = Long.MAX_VALUE;
    private volatile Thread waiter;
    private volatile String failure;

    DeliveryCounter(int members) {
        this.unsettled = new AtomicInteger(members);
    }

    /** One read by a reader thread that completed {@code items} items. */
    void add(long items) {
        reads.incrementAndGet();
        if (items > 0 && delivered.addAndGet(items) >= wanted) {
            LockSupport.unpark(waiter);
        }
    }

    /** A member has received all of its setup traffic. */
    void settled() {
        unsettled.decrementAndGet();
    }

    /** A member's connection ended or failed: every later wait fails with this reason. */
    void fail(String reason) {
        failure = reason;
        LockSupport.unpark(waiter);
    }

    long delivered() {
        return delivered.get();
    }

    /** Reads the readers made: deliveries per read tell how much the server's writes were batched. */
    long reads() {
        return reads.get();
    }

    /** Waits, polling, until every member has received the sync mark: setup, not a measured path. */
    void awaitSettled() {
        long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
        while (unsettled.get() != 0) {
            check(deadline, () -> unsettled.get() + " members still wait for the sync mark");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Waits until at least {@code target} items have been delivered in all. */
    void awaitDelivered(long target) {
        if (delivered.get() >= target) {
            return;
        }
        waiter = Thread.currentThread();
        wanted = target;
        long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
        try {
            while (delivered.get() < target) {
                check(deadline, () -> delivered.get() + " of " + target + " deliveries arrived");
                // The bound only guards against a missed wake-up; readers unpark at the target.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        } finally {
            wanted = Long.MAX_VALUE;
        }
    }

    private void check(long deadline, Supplier<String> progress) {
        if (failure != null) {
            throw new IllegalStateException("a member was lost: " + failure);
        }
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("stalled for " + STALL_LIMIT + ": " + progress.get());
        }
    }
}
