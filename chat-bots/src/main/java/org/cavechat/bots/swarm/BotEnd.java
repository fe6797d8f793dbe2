package org.cavechat.bots.swarm;

/**
 * Why a bot failed to join or stopped being a member, counted per reason in the report.
 * The first group happens before the name was accepted; the second to a member during the run.
 */
enum BotEnd {
    CONNECT_REFUSED(true, "connection refused"),
    CONNECT_TIMEOUT(true, "no answer before the join timeout"),
    CONNECT_FAILED(true, "connect failed"),
    NO_LOCAL_PORT(true, "no free local port (try more --source-addresses)"),
    TOO_MANY_FILES(true, "out of file descriptors (raise ulimit -n)"),
    NAME_REFUSED(true, "name refused"),
    SERVER_FULL(true, "server full"),
    NAME_TIMEOUT(true, "server's name timeout"),
    SERVER_CLOSED(false, "server closed the connection"),
    SERVER_SHUTDOWN(false, "server shut down"),
    RESET(false, "connection reset"),
    WRITE_FAILED(false, "write failed");

    private final boolean beforeJoin;
    private final String text;

    BotEnd(boolean beforeJoin, String text) {
        this.beforeJoin = beforeJoin;
        this.text = text;
    }

    /** True when the bot never became a member: a failed connect or join rather than a disconnect. */
    boolean beforeJoin() {
        return beforeJoin;
    }

    String text() {
        return text;
    }
}
