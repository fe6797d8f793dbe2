package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile HTTP clients against the metrics endpoint (docs/security.md "Stalled metrics scrapes"): a client that
 * sends half a request and holds the connection delays no other scrape; it is cut at the request timeout; a
 * flood of connections is capped; a request too large or not HTTP gets a 400; a client gets one answer, however
 * many requests it pipelines. Every wait is for a byte or an end of stream, never for a time.
 */
class StalledScrapeTest {
    /** A request without the blank line that ends it: the server waits for the rest. */
    private static final String PARTIAL = "GET /metrics HTTP/1.1\r\nHost: x\r\n";
    private static final String HEALTH = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final int STALLED = 16;
    /** Far beyond any test: a stalled client is never cut by the deadline in the tests that do not time out. */
    private static final Duration PATIENT = Duration.ofMinutes(5);

    private final List<WireClient> clients = new ArrayList<>();
    private RunningServer running;
    private MetricsEndpoint endpoint;

    @AfterEach
    void stop() {
        clients.forEach(WireClient::close);
        endpoint.close();
        running.close();
    }

    private void start(Duration requestTimeout) throws IOException {
        running = RunningServer.start();
        endpoint = MetricsEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), running.server(),
                Log.silent(), requestTimeout);
    }

    @Test
    void partialRequestsHeldOpenDelayNoOtherScrape() throws Exception {
        start(PATIENT);
        List<WireClient> stalled = new ArrayList<>();
        for (int i = 0; i < STALLED; i++) {
            stalled.add(connect().send(PARTIAL));
        }

        String body = new Scraper(endpoint.address().getPort()).scrape();

        assertTrue(body.contains("\ncavechat_connections_open 0.0\n"), body);
        // Every stalled client was still open and waiting: the blank line completes its request, and it is answered.
        for (WireClient client : stalled) {
            client.send("\r\n").expect("HTTP/1.1 200 OK\r\n");
        }
    }

    @Test
    void aStalledOrSilentClientIsCutAtTheRequestTimeout() throws Exception {
        start(Duration.ofMillis(200));
        WireClient stalled = connect().send(PARTIAL);
        WireClient silent = connect();

        stalled.expectEof();
        silent.expectEof();
        connect().send(HEALTH).expect("HTTP/1.1 200 OK\r\n");
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnceAndTheOthersAreStillServed() throws Exception {
        start(PATIENT);
        List<WireClient> held = new ArrayList<>();
        for (int i = 0; i < MetricsEndpoint.MAX_CONNECTIONS; i++) {
            held.add(connect().send(PARTIAL));
        }

        connect().send(HEALTH).expectEof();

        held.getFirst().send("\r\n").expect("HTTP/1.1 200 OK\r\n");
        held.getLast().send("\r\n").expect("HTTP/1.1 200 OK\r\n");
    }

    @Test
    void anOversizedOrMalformedRequestIsAnsweredWithBadRequest() throws Exception {
        start(PATIENT);
        String badRequest = "HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\n"
                + "content-length: 12\r\nconnection: close\r\n\r\nbad request\n";

        connect().send("GET /" + "m".repeat(5000) + " HTTP/1.1\r\n\r\n").expect(badRequest).expectEof();
        connect().send("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n")
                .expect(badRequest).expectEof();
        connect().send("\u0001\u0002 nonsense\r\n\r\n").expect(badRequest).expectEof();
    }

    @Test
    void pipelinedRequestsGetOneAnswerAndTheConnectionCloses() throws Exception {
        start(PATIENT);

        connect().send(HEALTH.repeat(100))
                .expect("HTTP/1.1 200 OK\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 8\r\n"
                        + "connection: close\r\n\r\nserving\n")
                .expectEof();
    }

    private WireClient connect() {
        WireClient client = WireClient.connect(endpoint.address().getPort());
        clients.add(client);
        return client;
    }
}
