package org.cavechat.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code GET /metrics} in the Prometheus text format over the JDK's own HTTP server, so the daemon
 * needs no dependency for it. Requests run on the HTTP server's dispatcher thread and only read
 * {@link DaemonStats}, which is safe from any thread; the chat's event loop never waits for a scrape.
 */
final class MetricsEndpoint implements AutoCloseable {
    static final String PATH = "/metrics";

    private final HttpServer http;

    private MetricsEndpoint(HttpServer http) {
        this.http = http;
    }

    /** Listens on {@code address} (port 0 picks a free one) and serves the stats until closed. */
    static MetricsEndpoint start(InetSocketAddress address, DaemonStats stats) throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        http.createContext(PATH, exchange -> answer(exchange, stats));
        http.start();
        return new MetricsEndpoint(http);
    }

    InetSocketAddress address() {
        return http.getAddress();
    }

    /** Stops listening at once; a scrape in flight may be cut, which Prometheus simply retries. */
    @Override
    public void close() {
        http.stop(0);
    }

    private static void answer(HttpExchange exchange, DaemonStats stats) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
            } else {
                byte[] body = PrometheusText.render(stats).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
                boolean head = method.equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : body.length);
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        }
    }
}
