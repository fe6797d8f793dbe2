package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Waits for a server-side condition that the wire cannot show (a counter, a descriptor count) by polling it
 * until a bounded deadline. The deadline only bounds a failure; a passing test never waits for it, so this is
 * not a timing assertion. Runs on the test's thread.
 */
final class Deadline {

    /** Generous: the machine is shared, and a correct daemon meets the condition in milliseconds. */
    static final Duration DEFAULT = Duration.ofSeconds(15);

    private static final long POLL_INTERVAL_NANOS = Duration.ofMillis(1).toNanos();

    private Deadline() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} and the last observed value otherwise. */
    static void await(String what, BooleanSupplier condition, Supplier<?> observed) {
        long end = System.nanoTime() + DEFAULT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                fail("not within " + DEFAULT + ": " + what + " (observed " + observed.get() + ")");
            }
            // A short park between polls keeps the shared cores free for the daemon; it is a polling
            // interval, never the thing a test waits for.
            LockSupport.parkNanos(POLL_INTERVAL_NANOS);
        }
    }

    /** Returns once the server has counted {@code expected} leaves for {@code reason}; a failure shows every count. */
    static void awaitLeaves(RunningServer server, DisconnectReason reason, long expected) {
        await("leaves(" + reason + ") == " + expected, () -> server.stats().leaves(reason) == expected,
                () -> leaveCounts(server.stats()));
    }

    /** Every non-zero leave count, e.g. {@code {QUIT=1, RESET=2}}. */
    static String leaveCounts(DaemonStats stats) {
        java.util.Map<DisconnectReason, Long> counts = new java.util.EnumMap<>(DisconnectReason.class);
        for (DisconnectReason reason : DisconnectReason.values()) {
            if (stats.leaves(reason) != 0) {
                counts.put(reason, stats.leaves(reason));
            }
        }
        return counts.toString();
    }

    /** Returns once {@code value} equals {@code expected}. */
    static void awaitEquals(String what, long expected, LongSupplier value) {
        await(what + " == " + expected, () -> value.getAsLong() == expected, value::getAsLong);
    }
}
