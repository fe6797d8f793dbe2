package org.cavechat.daemon;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Where the daemon says what happened: one line per connect, join, leave and error. Thread-safe (the
 * underlying {@link PrintStream} is synchronised), so the event loop and a shutdown hook may both log.
 */
public final class Log {
    /** Always three digits of milliseconds (Instant.toString drops them when they are zero): lines align. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Log SILENT = new Log(null, LogFormat.PLAIN, Clock.systemUTC());

    private final PrintStream out;
    private final LogFormat format;
    private final Clock clock;

    private Log(PrintStream out, LogFormat format, Clock clock) {
        this.out = out;
        this.format = format;
        this.clock = clock;
    }

    /** A log that writes nothing: for embedding the server in tests, bots and benchmarks. */
    public static Log silent() {
        return SILENT;
    }

    /** A log that writes one line per event to {@code out} in the given format. */
    public static Log to(PrintStream out, LogFormat format) {
        return new Log(Objects.requireNonNull(out, "out"), Objects.requireNonNull(format, "format"),
                Clock.systemUTC());
    }

    /** Something worth knowing: a connect, a join, a leave. */
    public void info(String message) {
        write(Level.INFO, message);
    }

    /** Something an operator should look at: a peer misbehaving, a limit reached. */
    public void warn(String message) {
        write(Level.WARNING, message);
    }

    /** A defect or a failure the daemon recovered from; the cause's own message is appended. */
    public void error(String message, Throwable cause) {
        write(Level.ERROR, message + ": " + cause);
    }

    private void write(Level level, String message) {
        if (out == null) {
            return;
        }
        if (format == LogFormat.JOURNAL) {
            out.println("<" + level.syslogPriority + ">" + message);
        } else {
            out.println(TIMESTAMP.format(clock.instant()) + " " + level.label + " " + message);
        }
    }

    private enum Level {
        ERROR(3, "ERROR"),
        WARNING(4, "WARN "),
        INFO(6, "INFO ");

        final int syslogPriority;
        final String label;

        Level(int syslogPriority, String label) {
            this.syslogPriority = syslogPriority;
            this.label = label;
        }
    }
}
