package org.cavechat.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's one thread: accepts, reads, hands text to the {@link Room}, then writes every connection
 * that has output, once per batch of reads (the broadcaster never touches another member's socket while
 * it broadcasts). One thread owns all state, so there are no locks and all members observe one order.
 * On this 2-core target the load generator needs the other core; docs/concurrency.md has the whole story.
 */
final class EventLoop implements Runnable {
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final int WRITE_BUFFER_BYTES = 256 * 1024;
    /** Bounds the time one wakeup spends accepting, so a connect flood cannot starve the members. */
    private static final int ACCEPTS_PER_WAKEUP = 256;
    /**
     * Extra non-blocking read rounds taken before writing while output is pending. Under load more input is
     * usually waiting; taking it first gives each member one write for all of it (a join storm otherwise
     * costs one write per member per join). At light load the first round finds nothing, so nothing waits.
     */
    private static final int EXTRA_READ_ROUNDS = 8;
    /** After accept() fails (e.g. out of descriptors), stop accepting this long instead of spinning. */
    private static final long ACCEPT_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final DaemonConfig config;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final SelectionKey listenerKey;
    private final Log log;
    private final DaemonStats stats;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES);
    private final List<Connection> toFlush = new ArrayList<>();
    /** Connections in accept order, so the oldest one is the first whose name time runs out. */
    private final ArrayDeque<Connection> naming = new ArrayDeque<>();
    private final Room room;
    private final Dispatch dispatch = new Dispatch();
    private volatile boolean stopRequested;
    private long lastConnectionId;
    private long acceptPausedUntilNanos;
    private boolean acceptPaused;
    /** When this turn's first ready key was handled; 0 until then. Times {@link DaemonStats#turnServed}. */
    private long turnStartedNanos;

    EventLoop(DaemonConfig config, ServerSocketChannel listener, Log log, DaemonStats stats) throws IOException {
        this.config = config;
        this.listener = listener;
        this.log = log;
        this.stats = stats;
        this.selector = Selector.open();
        listener.configureBlocking(false);
        this.listenerKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        this.room = new Room(stats, log, writeBuffer);
    }

    /** True until a stop is asked for or the listener is closed (by a failure). Any thread. */
    boolean accepting() {
        return !stopRequested && listener.isOpen();
    }

    /** Asks the loop to shut down gracefully; returns at once. Any thread. */
    void requestStop() {
        stopRequested = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (!stopRequested) {
                selector.select(this::onReady, selectTimeoutMillis());
                takeWaitingInput();
                boolean served = turnStartedNanos != 0 && !toFlush.isEmpty();
                flushPending();
                if (served) {
                    stats.turnServed(System.nanoTime() - turnStartedNanos);
                }
                turnStartedNanos = 0;
                expireNames();
                resumeAccepting();
            }
            new Shutdown(selector, room, writeBuffer, log).run(config.shutdownGrace(), listener);
        } catch (IOException | RuntimeException fatal) {
            log.error("event loop failed, closing every connection", fatal);
            closeEverything();
            throw new IllegalStateException("event loop failed", fatal);
        }
    }

    private void takeWaitingInput() throws IOException {
        for (int round = 0; round < EXTRA_READ_ROUNDS && !toFlush.isEmpty(); round++) {
            if (selector.selectNow(this::onReady) == 0) {
                return;
            }
        }
    }

    private void onReady(SelectionKey key) {
        if (turnStartedNanos == 0) {
            turnStartedNanos = System.nanoTime();
        }
        if (key == listenerKey) {
            acceptAll();
            return;
        }
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                flush(connection);
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
        } catch (RuntimeException defect) {
            log.error("#" + connection.id + " failed", defect);
            room.disconnect(connection, DisconnectReason.SERVER_ERROR);
        }
    }

    private void read(Connection connection) {
        Inbound inbound = connection.inbound();
        int limit = inbound == null ? Framing.LEGACY_READ_BYTES : inbound.readLimit(READ_BUFFER_BYTES);
        int count;
        try {
            count = connection.read(readBuffer, limit);
        } catch (IOException reset) {
            room.disconnect(connection, DisconnectReason.RESET);
            return;
        }
        if (count < 0) {
            room.disconnect(connection, DisconnectReason.CLOSED);
            return;
        }
        if (count == 0) {
            return;
        }
        if (inbound == null) {
            connection.decideFraming(firstReadFraming(readBuffer.array(), count), config.maxLineBytes());
        }
        dispatch.connection = connection;
        connection.inbound().accept(readBuffer.array(), 0, count, dispatch);
    }

    /** {@code --framing auto}: a newline in the first read means a line client (netcat, telnet, bots). */
    private static Framing firstReadFraming(byte[] bytes, int count) {
        for (int i = 0; i < count; i++) {
            if (bytes[i] == '\n') {
                return Framing.LINE;
            }
        }
        return Framing.LEGACY;
    }

    private void flushPending() {
        // Index loop: flushing may end a connection, whose leave notice queues more connections here.
        for (int i = 0; i < toFlush.size(); i++) {
            Connection connection = toFlush.get(i);
            if (!connection.isClosed()) {
                flush(connection);
            }
        }
        toFlush.clear();
    }

    private void flush(Connection connection) {
        try {
            connection.flush(writeBuffer);
        } catch (IOException failed) {
            room.disconnect(connection, DisconnectReason.WRITE_FAILED);
        }
    }

    private void acceptAll() {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException failed) {
                log.error("accept failed; pausing accepts for 100 ms", failed);
                acceptPaused = true;
                acceptPausedUntilNanos = System.nanoTime() + ACCEPT_BACKOFF_NANOS;
                listenerKey.interestOps(0);
                return;
            }
            if (channel == null) {
                return;
            }
            admit(channel);
        }
    }

    private void admit(SocketChannel channel) {
        long id = ++lastConnectionId;
        stats.connectionOpened();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
            String remote = peer.getAddress().getHostAddress() + ":" + peer.getPort();
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            Connection connection = new Connection(id, channel, key, remote, System.nanoTime(),
                    new Outbox(config.outboxBytes()), stats, toFlush);
            key.attach(connection);
            if (config.framing() != FramingPolicy.AUTO) {
                connection.decideFraming(config.framing() == FramingPolicy.LINE ? Framing.LINE : Framing.LEGACY,
                        config.maxLineBytes());
            }
            log.info("#" + id + " connect from " + remote);
            if (stats.connectionsOpen() > config.maxConnections()) {
                log.warn("#" + id + " refused: " + config.maxConnections() + " connections are open");
                room.sayGoodbye(connection, new ServerItem.ServerFull());
                room.disconnect(connection, DisconnectReason.SERVER_FULL);
                return;
            }
            naming.add(connection);
            room.greet(connection, config.greeting());
        } catch (IOException failed) {
            log.error("#" + id + " could not be set up", failed);
            closeQuietly(channel);
            stats.connectionClosed(DisconnectReason.RESET);
        }
    }

    private void expireNames() {
        long now = System.nanoTime();
        long timeout = config.nameTimeout().toNanos();
        Connection oldest;
        while ((oldest = naming.peek()) != null) {
            if (oldest.state() != Connection.State.NAMING) {
                naming.poll();
            } else if (now - oldest.acceptedAtNanos >= timeout) {
                naming.poll();
                room.sayGoodbye(oldest, new ServerItem.NameTimedOut());
                room.disconnect(oldest, DisconnectReason.NAME_TIMEOUT);
            } else {
                return;
            }
        }
    }

    private void resumeAccepting() {
        if (acceptPaused && System.nanoTime() - acceptPausedUntilNanos >= 0) {
            acceptPaused = false;
            listenerKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** Sleep until the next name deadline or accept resumption; 0 means until something happens. */
    private long selectTimeoutMillis() {
        long now = System.nanoTime();
        long wake = Long.MAX_VALUE;
        for (Connection oldest : naming) {
            if (oldest.state() == Connection.State.NAMING) {
                wake = oldest.acceptedAtNanos + config.nameTimeout().toNanos() - now;
                break;
            }
        }
        if (acceptPaused) {
            wake = Math.min(wake, acceptPausedUntilNanos - now);
        }
        if (wake == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(wake) + 1);
    }

    private void closeEverything() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection connection) {
                room.dismiss(connection, DisconnectReason.SERVER_ERROR);
            }
        }
        closeQuietly(listener);
        closeQuietly(selector);
    }

    private void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException failed) {
            log.error("close failed", failed);
        }
    }

    /** Routes what the decoders find to the room, for the connection being read; reused to avoid garbage. */
    private final class Dispatch implements Inbound.Sink {
        Connection connection;

        @Override
        public void message(String text) {
            room.onText(connection, text);
        }

        @Override
        public void lineTooLong() {
            room.onLineTooLong(connection, config.maxLineBytes());
        }
    }
}
