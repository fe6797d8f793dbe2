package org.cavechat.daemon;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connections waiting for something that has a fixed time limit (a name, the end of a cut character). One
 * limit for all, so the order of arrival is the order of the deadlines and the first entry is always the
 * next to expire. A connection leaves at once when it stops waiting or closes: nothing is kept for
 * connections that are gone, however long an older one waits. Event-loop thread only.
 */
final class Deadlines {
    private final long limitNanos;
    private final Map<Connection, Long> dueAt = new LinkedHashMap<>();

    Deadlines(long limitNanos) {
        this.limitNanos = limitNanos;
    }

    /** Starts (or restarts) the wait of {@code connection}: it expires {@code limit} after {@code now}. */
    void start(Connection connection, long now) {
        dueAt.remove(connection);
        dueAt.put(connection, now + limitNanos);
    }

    void cancel(Connection connection) {
        dueAt.remove(connection);
    }

    /** Removes and returns a connection whose deadline has passed at {@code now}, the oldest first; else null. */
    Connection pollExpired(long now) {
        Iterator<Map.Entry<Connection, Long>> first = dueAt.entrySet().iterator();
        if (!first.hasNext()) {
            return null;
        }
        Map.Entry<Connection, Long> oldest = first.next();
        if (now - oldest.getValue() < 0) {
            return null;
        }
        first.remove();
        return oldest.getKey();
    }

    /** Nanoseconds from {@code now} to the next deadline (0 if one has passed); Long.MAX_VALUE when none waits. */
    long nanosToNext(long now) {
        Iterator<Long> first = dueAt.values().iterator();
        return first.hasNext() ? Math.max(0, first.next() - now) : Long.MAX_VALUE;
    }

    int size() {
        return dueAt.size();
    }
}
