package org.cavechat.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it, for logs whose behaviour depends on time passing
 * ({@link ThrottledLog}): a test then says exactly how much time passed instead of waiting for it.
 * Thread-safe (the event loop reads it while the test thread moves it).
 */
final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-26T14:30:00Z");

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the log tells time in UTC only");
    }
}
