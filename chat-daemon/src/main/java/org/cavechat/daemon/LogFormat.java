package org.cavechat.daemon;

import java.util.Map;

/** How log lines look: for a terminal, or for the systemd journal. */
public enum LogFormat {
    /** An ISO-8601 UTC timestamp and the level in words. */
    PLAIN,
    /** A syslog priority prefix such as {@code <6>} and no timestamp: journald adds its own. */
    JOURNAL;

    /**
     * {@code --log-format auto}: the journal format where systemd connects the output to the journal (it then
     * sets {@code JOURNAL_STREAM}), else plain.
     */
    static LogFormat detect(Map<String, String> environment) {
        return environment.containsKey("JOURNAL_STREAM") ? JOURNAL : PLAIN;
    }

    /**
     * The one line a fatal start-up error is written as, on stderr: {@code chat-daemon: } and the problem, with
     * priority err in front in the journal format, so that {@code journalctl -p err} shows why a start failed.
     */
    String fatalLine(String problem) {
        String line = "chat-daemon: " + problem;
        return this == JOURNAL ? "<" + LogLevel.ERROR.syslogPriority + ">" + line : line;
    }
}
