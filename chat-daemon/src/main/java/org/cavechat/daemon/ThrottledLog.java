package org.cavechat.daemon;

import java.time.Duration;
import java.time.Instant;

/**
 * One kind of log line that peers can cause at will (a slow consumer, a full cave, descriptors running out),
 * written at most once per {@link #INTERVAL}: the first occurrence at once, later ones only counted, and the
 * next line written says how many were left out. No client can flood the log this way, however fast it
 * repeats; the exact totals are in the summary line and on the metrics endpoint. Event-loop thread only.
 */
final class ThrottledLog {
    /** As often as the summary line: an operator sees each kind at most once a minute. */
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Log log;
    private final LogLevel level;
    private Instant lastWritten;
    private long leftOut;

    ThrottledLog(Log log, LogLevel level) {
        this.log = log;
        this.level = level;
    }

    void write(String message) {
        if (!log.isEnabled(level)) {
            return;
        }
        Instant now = log.now();
        // A clock set back counts as time passed: a stuck throttle would hide every later line.
        if (lastWritten != null && now.isBefore(lastWritten.plus(INTERVAL)) && !now.isBefore(lastWritten)) {
            leftOut++;
            return;
        }
        log.write(level, leftOut == 0 ? message : message + " (" + leftOut + " more since the last such line)");
        lastWritten = now;
        leftOut = 0;
    }
}
