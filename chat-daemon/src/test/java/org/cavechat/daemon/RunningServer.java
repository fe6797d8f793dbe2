package org.cavechat.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

/**
 * A daemon on an ephemeral loopback port for one test, plus every {@link WireClient} the test opened through it;
 * closing it closes the clients, then the server. Runs on the test's thread; clients may be opened from
 * several threads at once.
 */
final class RunningServer implements AutoCloseable {

    private final ChatServer server;
    private final Queue<WireClient> clients = new ConcurrentLinkedQueue<>();
    private boolean stopped;

    private RunningServer(ChatServer server) {
        this.server = server;
    }

    /** The documented defaults, except port 0 on loopback. */
    static RunningServer start() {
        return start(UnaryOperator.identity());
    }

    /** The defaults on port 0 and loopback, then {@code tune} (e.g. {@code c -> c.maxConnections(2)}). */
    static RunningServer start(UnaryOperator<DaemonConfig.Builder> tune) {
        return start(tune, Log.silent());
    }

    /** As {@link #start(UnaryOperator)}, logging to {@code log}. */
    static RunningServer start(UnaryOperator<DaemonConfig.Builder> tune, Log log) {
        DaemonConfig config = tune.apply(DaemonConfig.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress()))
                .build();
        try {
            return new RunningServer(ChatServer.start(config, log));
        } catch (IOException e) {
            throw new UncheckedIOException("the daemon did not start with " + config, e);
        }
    }

    ChatServer server() {
        return server;
    }

    int port() {
        return server.port();
    }

    DaemonStats stats() {
        return server.stats();
    }

    /** A new connection that has read nothing yet. */
    WireClient connect() {
        return track(WireClient.connect(port()));
    }

    /** A new connection with a small receive buffer, for a member that stops reading. */
    WireClient connectWithReceiveBuffer(int bytes) {
        return track(WireClient.connect(port(), bytes));
    }

    /** A connection that has read the (default, repository) greeting. */
    WireClient greeted() {
        return connect().expect(Notices.GREETING);
    }

    /**
     * A member that joined as the original clients do (name without newline) and read its welcome. Once the
     * welcome has arrived the server has added the member, so every later broadcast reaches it.
     */
    WireClient joinLegacy(String name) {
        return greeted().send(name).expect(Notices.welcome(name));
    }

    /** A member that joined with line framing ({@code name\n}) and read its welcome line. */
    WireClient joinLine(String name) {
        return greeted().send(name + "\n").expect(Notices.welcome(name) + "\n");
    }

    /** Graceful close of the daemon (what SIGTERM does), observed by the test; {@link #close()} then skips it. */
    void stopServer() {
        stopped = true;
        server.close();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (WireClient client : clients) {
            try {
                client.close();
            } catch (UncheckedIOException e) {
                failure = e;
            }
        }
        if (!stopped) {
            stopped = true;
            server.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }
}
