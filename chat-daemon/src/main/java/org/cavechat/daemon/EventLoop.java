package org.cavechat.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The server's one thread: accepts, reads, hands text to the {@link Room}, then writes every connection
 * that has output, once per turn (the broadcaster never touches another member's socket while it
 * broadcasts). {@link FlowControl} bounds what one turn may read and decides who is read at all, so no
 * sender fans out faster than the members read. One thread owns all state, so there are no locks and all
 * members observe one order. docs/concurrency.md has the whole story.
 */
final class EventLoop implements Runnable {
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final int WRITE_BUFFER_BYTES = 256 * 1024;
    /**
     * A line-framed connection's reads before it has joined: a name and its newline fit twice over, and one
     * read of short invalid names can only queue a bounded number of answers.
     */
    private static final int NAMING_READ_BYTES = 256;
    /**
     * A new connection's kernel send buffer, fixed rather than autotuned (which lets one socket hold megabytes):
     * what a peer does not read then backs up into its outbox soon, where flow control and the budgets see it,
     * instead of into kernel memory the daemon cannot count. Before it joins, a connection only receives the
     * greeting and answers to its names; {@link Connection#becomeMember} gives a member room for twice a turn's
     * output ({@link Connection#MEMBER_SEND_BUFFER_BYTES}).
     */
    private static final int NAMING_SEND_BUFFER_BYTES = 8 * 1024;
    /**
     * Extra non-blocking read rounds taken before writing while output is pending and the turn budget lasts.
     * Under load more input is usually waiting; taking it first gives each member one write for all of it (a
     * join storm otherwise costs one write per member per join). At light load the first round finds nothing.
     */
    private static final int EXTRA_READ_ROUNDS = 8;
    /** How long a legacy read that ends in a cut UTF-8 character waits for the rest of it. */
    private static final long CUT_CHARACTER_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final DaemonConfig config;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final SelectionKey listenerKey;
    private final Log log;
    private final DaemonStats stats;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES);
    private final FlowControl flow;
    private final MemoryBudget memory;
    private final Deadlines naming;
    private final Deadlines cutCharacters = new Deadlines(CUT_CHARACTER_WAIT_NANOS);
    private final Room room;
    private final ConnectionLog events;
    private final Acceptor acceptor;
    private final Dispatch dispatch = new Dispatch();
    private volatile boolean stopRequested;
    private long lastConnectionId;
    /** When this turn's first input (a ready key or a backlog) was taken; 0 until then. For turnServed. */
    private long turnStartedNanos;

    EventLoop(DaemonConfig config, ServerSocketChannel listener, Log log, DaemonStats stats) throws IOException {
        this.config = config;
        this.listener = listener;
        this.log = log;
        this.stats = stats;
        this.selector = Selector.open();
        listener.configureBlocking(false);
        this.listenerKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        this.flow = new FlowControl(config.outboxBytes(), config.maxMessageRate());
        this.memory = new MemoryBudget(config.memoryBudgetBytes(), stats);
        this.naming = new Deadlines(config.nameTimeout().toNanos());
        this.events = new ConnectionLog(log);
        this.room = new Room(stats, flow, events, writeBuffer);
        this.acceptor = new Acceptor(listener, listenerKey, new DescriptorReserve(config.framing(), stats, log),
                new ThrottledLog(log, LogLevel.ERROR));
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
                flow.beginTurn();
                // Waiting input left that could run at once, or output already queued: this turn must not sleep.
                boolean backlogLeft = flow.resumeReaders(this::takeBacklog);
                if (backlogLeft || !flow.toFlush().isEmpty()) {
                    selector.selectNow(this::onReady);
                } else {
                    selector.select(this::onReady, selectTimeoutMillis());
                }
                takeWaitingInput();
                long now = System.nanoTime();
                expireNames(now);
                releaseCutCharacters(now);
                boolean served = turnStartedNanos != 0 && !flow.toFlush().isEmpty();
                flushPending();
                if (served) {
                    stats.turnServed(System.nanoTime() - turnStartedNanos);
                }
                turnStartedNanos = 0;
                flow.endTurn(now);
                shedWhileOverBudget();
                acceptor.resumeIfDue(now);
                memory.publish();
                stats.naming(naming.size());
            }
            new Shutdown(selector, room, writeBuffer, log).run(config.shutdownGrace(), listener);
        } catch (IOException | RuntimeException fatal) {
            log.error("event loop failed, closing every connection", fatal);
            closeEverything();
            throw new IllegalStateException("event loop failed", fatal);
        } finally {
            acceptor.close();
        }
    }

    private void takeWaitingInput() throws IOException {
        for (int round = 0; round < EXTRA_READ_ROUNDS && !flow.toFlush().isEmpty() && flow.turnBudgetLeft(); round++) {
            if (selector.selectNow(this::onReady) == 0) {
                return;
            }
        }
    }

    private void onReady(SelectionKey key) {
        startTurnClock();
        if (key == listenerKey) {
            acceptor.acceptAll(this::admit);
            return;
        }
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                flush(connection);
            }
            if (key.isValid() && key.isReadable()) {
                if (flow.mayRead(connection)) {
                    read(connection);
                } else {
                    flow.pause(connection);
                }
            }
        } catch (RuntimeException defect) {
            log.error("#" + connection.id + " failed", defect);
            room.disconnect(connection, DisconnectReason.SERVER_ERROR);
        }
    }

    private void read(Connection connection) {
        int count;
        try {
            count = connection.read(readBuffer, readLimit(connection));
        } catch (IOException reset) {
            releaseCutCharacter(connection);
            room.disconnect(connection, DisconnectReason.RESET);
            return;
        }
        if (count < 0) {
            releaseCutCharacter(connection);
            room.disconnect(connection, DisconnectReason.CLOSED);
            return;
        }
        if (count == 0) {
            return;
        }
        if (connection.inbound() == null) {
            connection.decideFraming(firstReadFraming(readBuffer.array(), count), config.maxLineBytes());
        }
        dispatch.connection = connection;
        connection.inbound().accept(readBuffer.array(), 0, count, dispatch);
        afterInput(connection);
    }

    private int readLimit(Connection connection) {
        Inbound inbound = connection.inbound();
        if (inbound == null) {
            return Framing.LEGACY_READ_BYTES;
        }
        int limit = inbound.readLimit(READ_BUFFER_BYTES);
        // A legacy read is one name, whatever its length, so only line reads are made smaller.
        return connection.isMember() || connection.framing() == Framing.LEGACY ? limit
                : Math.min(limit, NAMING_READ_BYTES);
    }

    /** The turn's first input starts the clock that {@link DaemonStats#turnServed} reads after the flush. */
    private void startTurnClock() {
        if (turnStartedNanos == 0) {
            turnStartedNanos = System.nanoTime();
        }
    }

    /** Runs input that flow control stopped earlier through the connection's decoder. */
    private void takeBacklog(Connection connection) {
        startTurnClock();
        dispatch.connection = connection;
        connection.inbound().resume(dispatch);
        afterInput(connection);
    }

    /** After a read or a backlog: waiting input pauses the socket; a cut character starts its wait. */
    private void afterInput(Connection connection) {
        if (connection.isClosed()) {
            return;
        }
        connection.chargeHeldInput();
        if (connection.inbound().hasBacklog()) {
            flow.pause(connection);
        }
        if (connection.inbound() instanceof LegacyInbound legacy && legacy.holdsCutCharacter()) {
            cutCharacters.start(connection, System.nanoTime());
        } else {
            cutCharacters.cancel(connection);
        }
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
        java.util.List<Connection> toFlush = flow.toFlush();
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

    /**
     * Past the memory budget, drops the connection that holds the most (the one furthest behind) until the
     * room fits again. A scan of every connection, but only when the budget is exceeded, which readers that
     * keep up never cause.
     */
    private void shedWhileOverBudget() {
        while (memory.isExceeded()) {
            Connection furthestBehind = null;
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Connection connection && !connection.isClosed()
                        && (furthestBehind == null || connection.heldBytes() > furthestBehind.heldBytes())) {
                    furthestBehind = connection;
                }
            }
            if (furthestBehind == null) {
                return;
            }
            events.droppedOverMemoryBudget(furthestBehind, memory.usedBytes(), config.memoryBudgetBytes());
            room.disconnect(furthestBehind, DisconnectReason.MEMORY_BUDGET);
            flushPending();
        }
    }

    private void admit(SocketChannel channel) {
        long id = ++lastConnectionId;
        stats.connectionOpened();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, NAMING_SEND_BUFFER_BYTES);
            InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
            String remote = peer.getAddress().getHostAddress() + ":" + peer.getPort();
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            Connection connection = new Connection(id, new SocketWire(channel, key), remote,
                    new Outbox(config.outboxBytes(), memory), stats, flow, memory, naming, cutCharacters);
            key.attach(connection);
            if (config.framing() != FramingPolicy.AUTO) {
                connection.decideFraming(config.framing() == FramingPolicy.LINE ? Framing.LINE : Framing.LEGACY,
                        config.maxLineBytes());
            }
            events.connected(connection);
            if (stats.connectionsOpen() > config.maxConnections()) {
                events.refusedFull(connection, config.maxConnections());
                room.sayGoodbye(connection, new ServerItem.ServerFull());
                room.disconnect(connection, DisconnectReason.SERVER_FULL);
                return;
            }
            naming.start(connection, System.nanoTime());
            room.greet(connection, config.greeting());
        } catch (IOException failed) {
            events.setupFailed(id, failed);
            closeQuietly(channel);
            stats.connectionClosed(DisconnectReason.RESET);
        }
    }

    private void expireNames(long now) {
        Connection expired;
        while ((expired = naming.pollExpired(now)) != null) {
            if (expired.state() == Connection.State.NAMING) {
                room.sayGoodbye(expired, new ServerItem.NameTimedOut());
                room.disconnect(expired, DisconnectReason.NAME_TIMEOUT);
            }
        }
    }

    /** A legacy read that ended in a cut character has waited long enough: it goes out with U+FFFD. */
    private void releaseCutCharacters(long now) {
        Connection quiet;
        while ((quiet = cutCharacters.pollExpired(now)) != null) {
            releaseCutCharacter(quiet);
            afterInput(quiet);
        }
    }

    private void releaseCutCharacter(Connection connection) {
        if (connection.inbound() instanceof LegacyInbound legacy) {
            dispatch.connection = connection;
            legacy.releaseHeld(dispatch);
        }
    }

    /** Sleep until the next deadline (a name, a cut character, a stall, accepting again); 0 means no deadline. */
    private long selectTimeoutMillis() {
        long now = System.nanoTime();
        long wake = Math.min(naming.nanosToNext(now), cutCharacters.nanosToNext(now));
        wake = Math.min(wake, flow.nanosToStallEnd(now));
        wake = Math.min(wake, flow.nanosToNextAllowance(now));
        wake = Math.min(wake, acceptor.nanosToResume(now));
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
        public boolean message(String text) {
            boolean fromMember = connection.isMember();
            room.onText(connection, text);
            boolean allowanceLeft = !fromMember || connection.isClosed() || flow.spend(connection);
            return !connection.isClosed() && flow.turnBudgetLeft() && !flow.isDeaf(connection) && allowanceLeft;
        }

        @Override
        public void lineTooLong() {
            room.onLineTooLong(connection, config.maxLineBytes());
        }
    }
}
