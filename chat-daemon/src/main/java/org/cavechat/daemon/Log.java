package org.cavechat.daemon;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Where the daemon says what happened, one line per event, at a {@link LogLevel} and above. In the plain format
 * warnings and errors go to the error stream and the rest to the output stream, as a terminal or a container
 * runtime expects; in the journal format every line goes to the output stream, whose order the journal keeps,
 * and its priority prefix says what it is. Thread-safe (a {@link PrintStream} is synchronised), so the event
 * loop, the summary timer and a shutdown hook may all log.
 */
public final class Log {
    /** Always three digits of milliseconds (Instant.toString drops them when they are zero): lines align. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Log SILENT = new Log(null, null, LogFormat.PLAIN, LogLevel.ERROR, Clock.systemUTC());

    private final PrintStream out;
    private final PrintStream err;
    private final LogFormat format;
    private final LogLevel threshold;
    private final Clock clock;

    private Log(PrintStream out, PrintStream err, LogFormat format, LogLevel threshold, Clock clock) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.threshold = threshold;
        this.clock = clock;
    }

    /** A log that writes nothing: for embedding the server in tests, bots and benchmarks. */
    public static Log silent() {
        return SILENT;
    }

    /** A log of the lines at {@code threshold} and above; pass one stream twice to keep every line in one order. */
    public static Log to(PrintStream out, PrintStream err, LogFormat format, LogLevel threshold) {
        return to(out, err, format, threshold, Clock.systemUTC());
    }

    /** As {@link #to(PrintStream, PrintStream, LogFormat, LogLevel)}, telling time by {@code clock}: for tests. */
    static Log to(PrintStream out, PrintStream err, LogFormat format, LogLevel threshold, Clock clock) {
        return new Log(Objects.requireNonNull(out, "out"), Objects.requireNonNull(err, "err"),
                Objects.requireNonNull(format, "format"), Objects.requireNonNull(threshold, "threshold"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** An event of one connection: a connect, a join, a leave, a refused name. */
    public void debug(String message) {
        write(LogLevel.DEBUG, message);
    }

    /** A step in the daemon's life, or the summary of its counters. */
    public void info(String message) {
        write(LogLevel.INFO, message);
    }

    /** Something an operator should look at: a limit reached. */
    public void warn(String message) {
        write(LogLevel.WARN, message);
    }

    /** A defect or a failure the daemon recovered from; the cause's own message is appended. */
    public void error(String message, Throwable cause) {
        write(LogLevel.ERROR, message + ": " + cause);
    }

    /** True when lines of {@code level} are written: callers skip building a message nobody will read. */
    boolean isEnabled(LogLevel level) {
        return out != null && level.isWrittenAt(threshold);
    }

    /** The log's time, which {@link ThrottledLog} measures its intervals by. */
    Instant now() {
        return clock.instant();
    }

    void write(LogLevel level, String message) {
        if (!isEnabled(level)) {
            return;
        }
        if (format == LogFormat.JOURNAL) {
            out.println("<" + level.syslogPriority + ">" + message);
        } else {
            PrintStream stream = level.isWrittenAt(LogLevel.WARN) ? err : out;
            stream.println(TIMESTAMP.format(clock.instant()) + " " + level.label + " " + message);
        }
    }
}
