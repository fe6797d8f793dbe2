package org.cavechat.it;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/** A bounded wait for a condition that other threads make true: never a fixed sleep, never unbounded. */
final class Eventually {
    private Eventually() {}

    /** Waits until {@code shortfall} reaches 0, checking every millisecond; fails after {@code patience}. */
    static void until(String what, Duration patience, IntSupplier shortfall) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (shortfall.getAsInt() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + patience + " for " + what + "; still " + shortfall.getAsInt()
                        + " short");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
