package org.cavechat.daemon;

import java.io.IOException;
import java.util.Locale;

/**
 * The log lines about single connections. Each event of a connection is a DEBUG line, so a production log at
 * INFO prints none of them; repeats within one connection are summarised: its first refused name and its first
 * dropped line are logged, and its join and its end say how many there were in all. The warnings that any peer
 * can trigger at will (a slow consumer, a full cave, the memory budget) go through a {@link ThrottledLog}. Event-loop thread only.
 */
final class ConnectionLog {
    private final Log log;
    private final ThrottledLog slowConsumers;
    private final ThrottledLog refusedFull;
    private final ThrottledLog overMemoryBudget;

    ConnectionLog(Log log) {
        this.log = log;
        this.slowConsumers = new ThrottledLog(log, LogLevel.WARN);
        this.refusedFull = new ThrottledLog(log, LogLevel.WARN);
        this.overMemoryBudget = new ThrottledLog(log, LogLevel.WARN);
    }

    void connected(Connection connection) {
        if (log.isEnabled(LogLevel.DEBUG)) {
            log.debug("#" + connection.id + " connect from " + connection.remote);
        }
    }

    void refusedFull(Connection connection, int maxConnections) {
        refusedFull.write("#" + connection.id + " refused: " + maxConnections + " connections are open");
    }

    /** {@code what} completes "refused ...": "an invalid name", "the name bob: taken". */
    void nameRefused(Connection connection, String what) {
        if (connection.namesRefused++ == 0 && log.isEnabled(LogLevel.DEBUG)) {
            log.debug("#" + connection.id + " refused " + what);
        }
    }

    void lineDropped(Connection connection, int maxLineBytes) {
        if (connection.linesDropped++ == 0 && log.isEnabled(LogLevel.DEBUG)) {
            log.debug("#" + connection.id + " dropped a line over " + maxLineBytes + " bytes");
        }
    }

    void joined(Connection connection) {
        if (log.isEnabled(LogLevel.DEBUG)) {
            log.debug("#" + connection.id + " join " + connection.name() + " ("
                    + connection.framing().name().toLowerCase(Locale.ROOT) + ")" + repeats(connection));
        }
    }

    /** The end of a connection; {@code wasMember} says whether it ends a member (a leave) or not (a disconnect). */
    void ended(Connection connection, boolean wasMember, DisconnectReason reason) {
        if (log.isEnabled(LogLevel.DEBUG)) {
            String what = wasMember ? " leave " + connection.name() + ": " : " disconnect: ";
            log.debug("#" + connection.id + what + reason + repeats(connection));
        }
    }

    void slowConsumer(Connection connection) {
        slowConsumers.write("#" + connection.id + " exceeded its outbox budget");
    }

    void droppedOverMemoryBudget(Connection connection, long usedBytes, long budgetBytes) {
        overMemoryBudget.write("#" + connection.id + " dropped: the outboxes hold " + usedBytes
                + " bytes, over the memory budget of " + budgetBytes);
    }

    /** The peer was gone before its last item (a goodbye) could be written: normal for the original GUI. */
    void lastItemLost(Connection connection, IOException gone) {
        if (log.isEnabled(LogLevel.DEBUG)) {
            log.debug("#" + connection.id + " could not take its last item: " + gone.getMessage());
        }
    }

    /** The peer went away between accept and set-up (a reset): a connection event, not a server failure. */
    void setupFailed(long id, IOException failed) {
        if (log.isEnabled(LogLevel.DEBUG)) {
            log.debug("#" + id + " could not be set up: " + failed.getMessage());
        }
    }

    /** {@code "; 3 names refused, 1 line dropped"}, or nothing when the connection repeated nothing. */
    private static String repeats(Connection connection) {
        if (connection.namesRefused == 0 && connection.linesDropped == 0) {
            return "";
        }
        StringBuilder counts = new StringBuilder(";");
        if (connection.namesRefused > 0) {
            counts.append(' ').append(count(connection.namesRefused, "name", "names")).append(" refused");
        }
        if (connection.linesDropped > 0) {
            counts.append(connection.namesRefused > 0 ? ", " : " ")
                    .append(count(connection.linesDropped, "line", "lines")).append(" dropped");
        }
        return counts.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
