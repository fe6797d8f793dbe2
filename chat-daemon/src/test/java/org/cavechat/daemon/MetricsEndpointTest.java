package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics endpoint scraped while real clients talk to a real server over loopback. */
class MetricsEndpointTest {
    private ChatServer server;
    private MetricsEndpoint endpoint;
    private Scraper scraper;

    @BeforeEach
    void start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        DaemonConfig config = DaemonConfig.defaults().withBindAddress(loopback).withPort(0)
                .withOutboxBytes(DaemonConfig.MIN_OUTBOX_BYTES);
        server = ChatServer.start(config, Log.silent());
        endpoint = MetricsEndpoint.start(new InetSocketAddress(loopback, 0), server.stats());
        scraper = new Scraper(endpoint.address().getPort());
    }

    @AfterEach
    void stop() {
        endpoint.close();
        server.close();
    }

    @Test
    void scrapeDuringAConversationShowsExactCounters() throws Exception {
        List<PlainClient> members = joinInTurn("alice", "bob", "carol");
        for (int round = 1; round <= 5; round++) {
            for (PlainClient member : members) {
                member.send("message " + round + "\n");
            }
        }
        for (PlainClient member : members) {
            for (int line = 0; line < 15; line++) {
                member.readLine();
            }
        }
        long received = members.stream().mapToLong(PlainClient::bytesSent).sum();
        long sent = members.stream().mapToLong(PlainClient::bytesReceived).sum();

        String body = scraper.scrapeUntil(text -> text.contains("cavechat_sent_bytes_total " + sent + "\n"));

        assertEquals("""
                # HELP cavechat_connections_open Connections open now, named or not.
                # TYPE cavechat_connections_open gauge
                cavechat_connections_open 3
                # HELP cavechat_connections_total Connections accepted since start, including those refused because the server was full.
                # TYPE cavechat_connections_total counter
                cavechat_connections_total 3
                # HELP cavechat_joins_total Names accepted since start.
                # TYPE cavechat_joins_total counter
                cavechat_joins_total 3
                # HELP cavechat_leaves_total Connections ended since start, by disconnect reason.
                # TYPE cavechat_leaves_total counter
                cavechat_leaves_total{reason="QUIT"} 0
                cavechat_leaves_total{reason="CLOSED"} 0
                cavechat_leaves_total{reason="RESET"} 0
                cavechat_leaves_total{reason="WRITE_FAILED"} 0
                cavechat_leaves_total{reason="SLOW_CONSUMER"} 0
                cavechat_leaves_total{reason="NAME_TIMEOUT"} 0
                cavechat_leaves_total{reason="SERVER_FULL"} 0
                cavechat_leaves_total{reason="SHUTDOWN"} 0
                cavechat_leaves_total{reason="SERVER_ERROR"} 0
                # HELP cavechat_slow_consumer_disconnects_total Connections dropped because their outbox exceeded the byte budget.
                # TYPE cavechat_slow_consumer_disconnects_total counter
                cavechat_slow_consumer_disconnects_total 0
                # HELP cavechat_messages_in_total Chat messages received from members.
                # TYPE cavechat_messages_in_total counter
                cavechat_messages_in_total 15
                # HELP cavechat_deliveries_out_total Broadcast items queued to members, one per recipient.
                # TYPE cavechat_deliveries_out_total counter
                cavechat_deliveries_out_total 48
                # HELP cavechat_received_bytes_total Bytes read from all connections.
                # TYPE cavechat_received_bytes_total counter
                cavechat_received_bytes_total %d
                # HELP cavechat_sent_bytes_total Bytes written to all connections.
                # TYPE cavechat_sent_bytes_total counter
                cavechat_sent_bytes_total %d
                # HELP cavechat_outbox_pending_bytes Bytes queued in outboxes and not yet written.
                # TYPE cavechat_outbox_pending_bytes gauge
                cavechat_outbox_pending_bytes 0
                """.formatted(received, sent), body);
        // 3 join notices (0 + 1 + 2 members present) plus 15 messages to 3 members each.
        assertEquals(6 + 4 + 6 + 15 * "message 1\n".length(), received);
        for (PlainClient member : members) {
            member.close();
        }
    }

    @Test
    void leavesAreCountedByReason() throws Exception {
        List<PlainClient> members = joinInTurn("alice", "bob", "carol");
        PlainClient alice = members.get(0);
        PlainClient bob = members.get(1);
        PlainClient carol = members.get(2);
        alice.send("{quit}\n");
        assertEquals("{quit}\n", alice.readToEnd());
        assertEquals("alice has left the chat.\n", bob.readLine());
        bob.close();
        assertEquals("alice has left the chat.\n", carol.readLine());
        assertEquals("bob has left the chat.\n", carol.readLine());

        String body = scraper.scrape();

        assertSamples(body, "cavechat_connections_open 1", "cavechat_connections_total 3",
                "cavechat_leaves_total{reason=\"QUIT\"} 1", "cavechat_leaves_total{reason=\"CLOSED\"} 1",
                "cavechat_leaves_total{reason=\"SLOW_CONSUMER\"} 0", "cavechat_deliveries_out_total 6");
        carol.close();
        alice.close();
    }

    @Test
    void aMemberThatStopsReadingIsCountedAsASlowConsumer() throws Exception {
        PlainClient talker = PlainClient.join(server.port(), "talker");
        PlainClient slow = PlainClient.connect(server.port(), 4096);
        slow.read(60);
        slow.send("slow\n");
        assertEquals("slow has joined the chat!\n", talker.readLine());
        String line = "x".repeat(400) + "\n";
        String heard = "";
        // Bounded: 20,000 lines are 8 MB, far beyond the 4 KiB budget plus any loopback socket buffers.
        for (int sent = 0; sent < 20_000 && !heard.equals("slow has left the chat.\n"); sent++) {
            talker.send(line);
            heard = talker.readLine();
        }
        assertEquals("slow has left the chat.\n", heard);

        String body = scraper.scrape();

        assertSamples(body, "cavechat_slow_consumer_disconnects_total 1",
                "cavechat_leaves_total{reason=\"SLOW_CONSUMER\"} 1", "cavechat_connections_open 1");
        talker.close();
        slow.close();
    }

    @Test
    void onlyGetAndHeadOfTheMetricsPathAreServed() throws Exception {
        HttpResponse<String> get = scraper.get("/metrics", "GET");
        HttpResponse<String> head = scraper.get("/metrics", "HEAD");

        assertEquals(200, get.statusCode());
        assertEquals(List.of(PrometheusText.CONTENT_TYPE), get.headers().allValues("Content-Type"));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(405, scraper.get("/metrics", "POST").statusCode());
        assertEquals(404, scraper.get("/metrics/more", "GET").statusCode());
        assertEquals(404, scraper.get("/", "GET").statusCode());
    }

    /** Joins the clients one after another, each join heard by everyone already present. */
    private List<PlainClient> joinInTurn(String... names) throws IOException {
        List<PlainClient> joined = new java.util.ArrayList<>();
        for (String name : names) {
            PlainClient client = PlainClient.join(server.port(), name);
            for (PlainClient present : joined) {
                assertEquals(name + " has joined the chat!\n", present.readLine());
            }
            joined.add(client);
        }
        return joined;
    }

    private static void assertSamples(String body, String... samples) {
        for (String sample : samples) {
            assertTrue(body.contains("\n" + sample + "\n"), () -> sample + " missing from:\n" + body);
        }
    }
}
