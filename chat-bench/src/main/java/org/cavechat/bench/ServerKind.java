package org.cavechat.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.cavechat.daemon.ChatServer;
import org.cavechat.daemon.DaemonConfig;
import org.cavechat.daemon.Log;

/**
 * The servers a benchmark can run against, both in the benchmark's JVM on a free loopback port:
 * CaveChat's daemon and the {@link ThreadPerClientServer} baseline. The names are the values of
 * the benchmarks' {@code server} parameter.
 */
public enum ServerKind {
    CAVECHAT {
        @Override
        Running start() throws IOException {
            ChatServer server = ChatServer.start(DaemonConfig.builder()
                    .port(0)
                    .bindAddress(InetAddress.getLoopbackAddress())
                    .build(), Log.silent());
            return new Running(server.localAddress(), server);
        }
    },
    THREAD_PER_CLIENT {
        @Override
        Running start() throws IOException {
            ThreadPerClientServer server = ThreadPerClientServer.start(InetAddress.getLoopbackAddress());
            return new Running(server.localAddress(), server);
        }
    };

    abstract Running start() throws IOException;

    /** A started server: where it listens, and how to stop it. */
    record Running(InetSocketAddress address, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
