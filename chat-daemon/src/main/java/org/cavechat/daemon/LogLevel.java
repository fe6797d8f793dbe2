package org.cavechat.daemon;

/**
 * How much the daemon logs (docs/protocol.md, "Logs"): a log at one level writes the lines of that level and of
 * every level above it. Each level carries its syslog priority, which the journal format writes as a prefix.
 */
public enum LogLevel {
    /** A failure the daemon recovered from, or one that stops it. */
    ERROR(3, "ERROR"),
    /** Something an operator should look at: a limit reached, descriptors running out. */
    WARN(4, "WARN "),
    /** The daemon's lifecycle (metrics address, shutdown) and the summary of its counters. The default. */
    INFO(6, "INFO "),
    /** One line per event of a single connection: connect, join, leave, refused name, dropped line. */
    DEBUG(7, "DEBUG");

    final int syslogPriority;
    /** Five characters wide, so that the messages of plain lines align. */
    final String label;

    LogLevel(int syslogPriority, String label) {
        this.syslogPriority = syslogPriority;
        this.label = label;
    }

    /** True when a log set to {@code threshold} writes lines of this level. */
    boolean isWrittenAt(LogLevel threshold) {
        return compareTo(threshold) <= 0;
    }
}
