package org.cavechat.bots;

import java.io.IOException;
import java.net.InetAddress;
import org.cavechat.daemon.ChatServer;
import org.cavechat.daemon.DaemonConfig;
import org.cavechat.daemon.Log;

/** An in-process daemon on a free loopback port, for tests. */
final class Daemon implements AutoCloseable {

    private final ChatServer server;

    private Daemon(ChatServer server) {
        this.server = server;
    }

    static Daemon start() throws IOException {
        return start(DaemonConfig.builder());
    }

    static Daemon start(DaemonConfig.Builder config) throws IOException {
        return new Daemon(ChatServer.start(config.port(0).bindAddress(InetAddress.getLoopbackAddress()).build(),
                Log.silent()));
    }

    ChatServer server() {
        return server;
    }

    String address() {
        return server.localAddress().getHostString() + ":" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
