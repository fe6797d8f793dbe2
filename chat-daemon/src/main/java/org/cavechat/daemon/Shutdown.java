package org.cavechat.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The graceful end of an {@link EventLoop}: stop accepting, queue the shutdown notice to every connection,
 * keep writing until every outbox is drained or the grace period is over, then close everything. A drained
 * connection has its output shut (the peer reads the notice, then end of stream) and is closed as soon as
 * it has nothing more to say, so closing never turns into a reset that could destroy the notice. Runs on
 * the event-loop thread, after its main loop.
 */
final class Shutdown {
    private final Selector selector;
    private final Room room;
    private final ByteBuffer scratch;
    private final Log log;

    Shutdown(Selector selector, Room room, ByteBuffer scratch, Log log) {
        this.selector = selector;
        this.room = room;
        this.scratch = scratch;
        this.log = log;
    }

    void run(Duration grace, ServerSocketChannel listener) throws IOException {
        stopAccepting(listener);
        long deadline = System.nanoTime() + grace.toNanos();
        List<Connection> connections = openConnections();
        log.info("shutting down: telling " + connections.size() + " connections");
        for (Connection connection : connections) {
            room.sayGoodbye(connection, new ServerItem.ShuttingDown());
            finishOrWait(connection);
        }
        long remaining;
        while (!openConnections().isEmpty() && (remaining = deadline - System.nanoTime()) > 0) {
            selector.select(this::onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
        List<Connection> late = openConnections();
        for (Connection connection : late) {
            room.dismiss(connection, DisconnectReason.SHUTDOWN);
        }
        selector.close();
        log.info("shutdown complete; " + late.size() + " connections were cut at the grace deadline");
        listener.close();
    }

    /**
     * A listener inherited through socket activation is closed only after the last log line: closing it makes
     * the JDK point stdout and stderr at /dev/null (it assumes inetd, where they were the socket too), which
     * would swallow the shutdown lines on their way to the journal. Until then it is merely not accepted from;
     * systemd keeps its own copy listening for the next start anyway.
     */
    private void stopAccepting(ServerSocketChannel listener) throws IOException {
        if (listener == System.inheritedChannel()) {
            listener.keyFor(selector).cancel();
        } else {
            listener.close();
        }
    }

    private void onReady(SelectionKey key) {
        if (key.isValid()) {
            finishOrWait((Connection) key.attachment());
        }
    }

    /** Writes what is left; once the notice is out, discards input and closes when the peer is quiet. */
    private void finishOrWait(Connection connection) {
        try {
            if (!connection.flush(scratch)) {
                return;
            }
            int read;
            do {
                read = connection.read(scratch, scratch.capacity());
            } while (read > 0);
            room.dismiss(connection, DisconnectReason.SHUTDOWN);
        } catch (IOException gone) {
            room.dismiss(connection, DisconnectReason.SHUTDOWN);
        }
    }

    private List<Connection> openConnections() {
        List<Connection> connections = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof Connection connection) {
                connections.add(connection);
            }
        }
        return connections;
    }
}
