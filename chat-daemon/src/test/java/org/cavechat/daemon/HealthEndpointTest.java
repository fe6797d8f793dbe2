package org.cavechat.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /healthz}: 200 while the chat accepts and serves, 503 before and after; exact bytes over a real socket.
 */
class HealthEndpointTest {
    private static final String GET = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final String SERVING_HEADERS = "HTTP/1.1 200 OK\r\ncontent-type: text/plain; charset=utf-8\r\n"
            + "content-length: 8\r\nconnection: close\r\n\r\n";
    private static final String NOT_SERVING = "HTTP/1.1 503 Service Unavailable\r\n"
            + "content-type: text/plain; charset=utf-8\r\ncontent-length: 12\r\nconnection: close\r\n\r\n"
            + "not serving\n";

    private RunningServer running;
    private MetricsEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        running = RunningServer.start();
        endpoint = MetricsEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), running.server(),
                Log.silent());
    }

    @AfterEach
    void stop() {
        endpoint.close();
        running.close();
    }

    @Test
    void healthIsServingWhileTheChatAcceptsAndServes() {
        running.joinLine("alice");

        try (WireClient probe = WireClient.connect(endpoint.address().getPort())) {
            probe.send(GET).expect(SERVING_HEADERS + "serving\n").expectEof();
        }
        try (WireClient probe = WireClient.connect(endpoint.address().getPort())) {
            probe.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n").expect(SERVING_HEADERS).expectEof();
        }
    }

    @Test
    void healthIsNotServingOnceTheChatHasStopped() {
        running.stopServer();

        try (WireClient probe = WireClient.connect(endpoint.address().getPort())) {
            probe.send(GET).expect(NOT_SERVING).expectEof();
        }
    }

    /** The daemon starts its metrics before its chat listener: until it watches the server, health says no. */
    @Test
    void healthIsNotServingBeforeTheEndpointWatchesAServer() throws IOException {
        try (MetricsEndpoint starting = MetricsEndpoint.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), running.stats(), Log.silent());
                WireClient probe = WireClient.connect(starting.address().getPort())) {
            probe.send(GET).expect(NOT_SERVING).expectEof();
        }
    }
}
