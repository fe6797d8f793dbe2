package org.cavechat.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * A running CaveChat server: the seam through which the command line, tests, bots and benchmarks start and
 * stop it (in the manner of mini-redis's {@code run(listener, shutdown)}). Two servers in one JVM share
 * nothing. {@link #start} returns once connections are accepted; {@link #close} stops gracefully and waits.
 * Methods may be called from any thread.
 */
public final class ChatServer implements AutoCloseable {
    private final EventLoop loop;
    private final Thread thread;
    private final InetSocketAddress localAddress;
    private final DaemonStats stats;
    private volatile Throwable failure;

    private ChatServer(EventLoop loop, InetSocketAddress localAddress, DaemonStats stats) {
        this.loop = loop;
        this.localAddress = localAddress;
        this.stats = stats;
        this.thread = Thread.ofPlatform().name("cavechat-loop-" + localAddress.getPort()).unstarted(this::runLoop);
    }

    /**
     * Binds {@code config.bindAddress():config.port()} with SO_REUSEADDR (a restart never fails on a port left in
     * TIME_WAIT) and the configured backlog, then starts serving.
     *
     * @throws IOException when the address cannot be bound (in use, not available, not permitted)
     */
    public static ChatServer start(DaemonConfig config, Log log) throws IOException {
        return start(config, log, new DaemonStats());
    }

    /** As {@link #start(DaemonConfig, Log)}, counting into {@code stats}, which the caller may already serve. */
    static ChatServer start(DaemonConfig config, Log log, DaemonStats stats) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(config.bindAddress(), config.port()), config.backlog());
        } catch (IOException | RuntimeException failed) {
            listener.close();
            throw failed;
        }
        return start(config, listener, log, stats);
    }

    /**
     * Serves a listener that is already bound, such as one inherited through systemd socket activation.
     * The config's address, port and backlog are then not used.
     */
    public static ChatServer start(DaemonConfig config, ServerSocketChannel boundListener, Log log)
            throws IOException {
        return start(config, boundListener, log, new DaemonStats());
    }

    /** As {@link #start(DaemonConfig, ServerSocketChannel, Log)}, counting into {@code stats}. */
    static ChatServer start(DaemonConfig config, ServerSocketChannel boundListener, Log log, DaemonStats stats)
            throws IOException {
        NamePolicy.prepare(); // While connections wait in the backlog, so that the first joiner waits no longer.
        InetSocketAddress address = (InetSocketAddress) boundListener.getLocalAddress();
        ChatServer server = new ChatServer(new EventLoop(config, boundListener, log, stats), address, stats);
        server.thread.start();
        return server;
    }

    /** The address the server listens on; with port 0 in the config, this holds the port actually chosen. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    public int port() {
        return localAddress.getPort();
    }

    public DaemonStats stats() {
        return stats;
    }

    /**
     * True while the server accepts and serves: its loop thread runs, no stop was asked for and its listener is
     * open. What {@code /healthz} reports. Any thread.
     */
    public boolean serving() {
        return thread.isAlive() && loop.accepting();
    }

    /** Waits until the server has stopped, by {@link #close} or by a failure; true when it failed. */
    public boolean awaitTermination() throws InterruptedException {
        thread.join();
        return failure != null;
    }

    /**
     * Stops gracefully: no new connections, the shutdown notice to every connection, outboxes drained for at
     * most the configured grace, everything closed. Blocks until done; calling it again does nothing.
     */
    @Override
    public void close() {
        loop.requestStop();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLoop() {
        try {
            loop.run();
        } catch (IllegalStateException | UncheckedIOException failed) {
            failure = failed;
        }
    }
}
