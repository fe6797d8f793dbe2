package org.cavechat.daemon;

/** How log lines look: for a terminal, or for the systemd journal. */
public enum LogFormat {
    /** An ISO-8601 UTC timestamp and the level in words. */
    PLAIN,
    /** A syslog priority prefix such as {@code <6>} and no timestamp: journald adds its own. */
    JOURNAL
}
