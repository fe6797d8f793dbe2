package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The metrics endpoint scraped while real clients talk to a real server over loopback. */
class MetricsEndpointTest {
    private static final String[] NAMES = {"alice", "bob", "carol"};
    private static final int ROUNDS = 5;
    private static final int SWARM = 20;
    private static final int SWARM_MESSAGES = 50;
    /** The Maven project version, handed over by the build: cavechat_build_info must say it. */
    private static final String PROJECT_VERSION = System.getProperty("cavechat.version");

    private RunningServer running;
    private MetricsEndpoint endpoint;
    private Scraper scraper;

    @AfterEach
    void stop() {
        endpoint.close();
        running.close();
    }

    /** A server with the documented defaults except {@code tune}, and its metrics on a free loopback port. */
    private void start(UnaryOperator<DaemonConfig.Builder> tune) throws IOException {
        running = RunningServer.start(tune);
        endpoint = MetricsEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), running.server(), Log.silent());
        scraper = new Scraper(endpoint.address().getPort());
    }

    @Test
    void scrapeDuringAConversationShowsExactCounters() throws Exception {
        start(UnaryOperator.identity());
        List<WireClient> members = joinInTurn(NAMES);
        for (int round = 1; round <= ROUNDS; round++) {
            for (WireClient member : members) {
                member.send("message " + round + "\n");
            }
        }
        for (WireClient member : members) {
            for (int line = 0; line < NAMES.length * ROUNDS; line++) {
                member.readLine();
            }
        }
        long received = "alice\nbob\ncarol\n".length() + NAMES.length * ROUNDS * "message 1\n".length();
        long sent = bytesEveryoneReceived();
        // A client can read bytes a moment before the event loop counts their write; wait for the count.
        Deadline.awaitEquals("bytes written", sent, () -> running.stats().bytesOut());

        String body = scraper.scrape();

        assertEquals("""
                # HELP cavechat_build_info The CaveChat daemon's version; the value is always 1.
                # TYPE cavechat_build_info gauge
                cavechat_build_info{version="%s"} 1
                # HELP cavechat_connections_total Connections accepted since start, including those refused because the server was full.
                # TYPE cavechat_connections_total counter
                cavechat_connections_total 3.0
                # HELP cavechat_connections_naming Connections open now that have not joined yet.
                # TYPE cavechat_connections_naming gauge
                cavechat_connections_naming 0.0
                # HELP cavechat_connections_open Connections open now, named or not.
                # TYPE cavechat_connections_open gauge
                cavechat_connections_open 3.0
                # HELP cavechat_deliveries_out_total Broadcast items queued to members, one per recipient.
                # TYPE cavechat_deliveries_out_total counter
                cavechat_deliveries_out_total 48.0
                # HELP cavechat_joins_total Names accepted since start.
                # TYPE cavechat_joins_total counter
                cavechat_joins_total 3.0
                # HELP cavechat_leaves_total Connections ended since start, by disconnect reason.
                # TYPE cavechat_leaves_total counter
                cavechat_leaves_total{reason="closed"} 0.0
                cavechat_leaves_total{reason="memory_budget"} 0.0
                cavechat_leaves_total{reason="name_timeout"} 0.0
                cavechat_leaves_total{reason="quit"} 0.0
                cavechat_leaves_total{reason="reset"} 0.0
                cavechat_leaves_total{reason="server_error"} 0.0
                cavechat_leaves_total{reason="server_full"} 0.0
                cavechat_leaves_total{reason="shutdown"} 0.0
                cavechat_leaves_total{reason="slow_consumer"} 0.0
                cavechat_leaves_total{reason="write_failed"} 0.0
                # HELP cavechat_memory_used_bytes Heap the outboxes pin now, plus input held back by flow control: what the memory budget weighs.
                # TYPE cavechat_memory_used_bytes gauge
                cavechat_memory_used_bytes %s
                # HELP cavechat_messages_in_total Chat messages received from members.
                # TYPE cavechat_messages_in_total counter
                cavechat_messages_in_total 15.0
                # HELP cavechat_outbox_pending_bytes Bytes queued in outboxes and not yet written.
                # TYPE cavechat_outbox_pending_bytes gauge
                cavechat_outbox_pending_bytes 0.0
                # HELP cavechat_received_bytes_total Bytes read from all connections.
                # TYPE cavechat_received_bytes_total counter
                cavechat_received_bytes_total %s
                # HELP cavechat_sent_bytes_total Bytes written to all connections.
                # TYPE cavechat_sent_bytes_total counter
                cavechat_sent_bytes_total %s
                # HELP cavechat_turn_duration_seconds Event-loop turns that produced output, by the time from the start of their reads to the end of their flush: a broadcast's time inside the daemon.
                # TYPE cavechat_turn_duration_seconds histogram
                """.formatted(PROJECT_VERSION, (double) running.stats().memoryUsed(), (double) received, (double) sent),
                chatFamiliesWithoutTurnSamples(body));
    }

    @Test
    void everyFamilyHasItsTypeAndTheJvmAndProcessFamiliesAreThere() throws Exception {
        start(UnaryOperator.identity());

        Map<String, String> types = types(scraper.scrape());

        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("cavechat_build_info", "gauge"),
                Map.entry("cavechat_connections_open", "gauge"),
                Map.entry("cavechat_connections_naming", "gauge"),
                Map.entry("cavechat_memory_used_bytes", "gauge"),
                Map.entry("cavechat_connections_total", "counter"),
                Map.entry("cavechat_deliveries_out_total", "counter"),
                Map.entry("cavechat_joins_total", "counter"),
                Map.entry("cavechat_leaves_total", "counter"),
                Map.entry("cavechat_messages_in_total", "counter"),
                Map.entry("cavechat_outbox_pending_bytes", "gauge"),
                Map.entry("cavechat_received_bytes_total", "counter"),
                Map.entry("cavechat_sent_bytes_total", "counter"),
                Map.entry("cavechat_turn_duration_seconds", "histogram")));
        assertEquals(expected, filter(types, name -> name.startsWith("cavechat_")));
        Map<String, String> operators = Map.ofEntries(
                Map.entry("process_cpu_seconds_total", "counter"),
                Map.entry("process_open_fds", "gauge"),
                Map.entry("process_max_fds", "gauge"),
                Map.entry("process_resident_memory_bytes", "gauge"),
                Map.entry("process_start_time_seconds", "gauge"),
                Map.entry("jvm_memory_used_bytes", "gauge"),
                Map.entry("jvm_memory_max_bytes", "gauge"),
                Map.entry("jvm_memory_pool_used_bytes", "gauge"),
                Map.entry("jvm_gc_collection_seconds", "summary"),
                Map.entry("jvm_threads_current", "gauge"),
                Map.entry("jvm_threads_state", "gauge"),
                Map.entry("jvm_runtime_info", "gauge"));
        assertEquals(new TreeMap<>(operators), filter(types, operators::containsKey));
    }

    @Test
    void eachTurnThatAnswersIsTimedOnceAndNoCounterRepeatsAnother() throws Exception {
        start(UnaryOperator.identity());
        // Three turns with output: the greeting, the welcome, the echo; each waits for the one before.
        running.joinLine("alice").send("hello\n").expect(Notices.message("alice", "hello") + "\n");

        String body = scraper.scrape();

        List<String> buckets = body.lines().filter(line -> line.startsWith("cavechat_turn_duration_seconds_")).toList();
        assertEquals(TurnLatency.UPPER_BOUNDS_SECONDS.length + 2, buckets.size(), body);
        assertEquals("cavechat_turn_duration_seconds_bucket{le=\"+Inf\"} 3", buckets.get(buckets.size() - 3));
        assertEquals("cavechat_turn_duration_seconds_count 3", buckets.get(buckets.size() - 2));
        assertFalse(body.contains("slow_consumer_disconnects"), body);
    }

    @Test
    void scrapesDuringASwarmSeeCountersGrowAndEndExact() throws Exception {
        start(UnaryOperator.identity());
        String[] names = new String[SWARM];
        for (int i = 0; i < SWARM; i++) {
            names[i] = "bot" + i;
        }
        List<WireClient> members = joinInTurn(names);
        List<Future<?>> talking = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(SWARM)) {
            for (WireClient member : members) {
                talking.add(threads.submit(() -> talkThenListen(member)));
            }
            List<Long> seen = new ArrayList<>();
            while (!talking.stream().allMatch(Future::isDone)) {
                seen.add(sample(scraper.scrape(), "cavechat_messages_in_total"));
            }
            for (Future<?> member : talking) {
                member.get();
            }
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), "a counter went down: " + seen);
            }
        }
        long messages = (long) SWARM * SWARM_MESSAGES;
        Deadline.awaitEquals("outbox bytes pending", 0, () -> running.stats().outboxBytesPending());

        String body = scraper.scrape();

        // Joins reach 0 + 1 + ... + (SWARM - 1) members; every message reaches all SWARM members.
        assertSamples(body, "cavechat_connections_open " + (double) SWARM, "cavechat_joins_total " + (double) SWARM,
                "cavechat_messages_in_total " + (double) messages,
                "cavechat_deliveries_out_total " + (double) (SWARM * (SWARM - 1) / 2 + messages * SWARM),
                "cavechat_leaves_total{reason=\"slow_consumer\"} 0.0", "cavechat_outbox_pending_bytes 0.0");
    }

    @Test
    void leavesAreCountedByReason() throws Exception {
        start(UnaryOperator.identity());
        List<WireClient> members = joinInTurn(NAMES);
        WireClient alice = members.get(0);
        WireClient bob = members.get(1);
        WireClient carol = members.get(2);
        alice.send("{quit}\n").expect("{quit}\n").expectEof();
        bob.expect(Notices.left("alice") + "\n");
        bob.close();
        carol.expect(Notices.left("alice") + "\n").expect(Notices.left("bob") + "\n");

        String body = scraper.scrape();

        // Deliveries: joins 0 + 1 + 2, alice's leave to 2, bob's leave to 1.
        assertSamples(body, "cavechat_connections_open 1.0", "cavechat_connections_total 3.0",
                "cavechat_leaves_total{reason=\"quit\"} 1.0", "cavechat_leaves_total{reason=\"closed\"} 1.0",
                "cavechat_leaves_total{reason=\"slow_consumer\"} 0.0", "cavechat_deliveries_out_total 6.0");
    }

    @Test
    void aMemberThatStopsReadingIsCountedAsASlowConsumer() throws Exception {
        start(config -> config.outboxBytes(DaemonConfig.MIN_OUTBOX_BYTES));
        WireClient talker = running.joinLine("talker");
        running.connectWithReceiveBuffer(4096).expect(Notices.GREETING).send("slow\n").expect(Notices.welcome("slow") + "\n");
        talker.expect(Notices.joined("slow") + "\n");
        String line = "x".repeat(400) + "\n";
        String heard = "";
        // Bounded: 20,000 lines are 8 MB, far beyond the 4 KiB budget plus any loopback socket buffers.
        for (int sent = 0; sent < 20_000 && !heard.equals(Notices.left("slow")); sent++) {
            talker.send(line);
            heard = talker.readLine();
        }
        assertEquals(Notices.left("slow"), heard);

        String body = scraper.scrape();

        assertSamples(body, "cavechat_leaves_total{reason=\"slow_consumer\"} 1.0", "cavechat_connections_open 1.0");
    }

    @Test
    void onlyGetAndHeadOfTheMetricsAndHealthPathsAreServed() throws Exception {
        start(UnaryOperator.identity());
        HttpResponse<String> get = scraper.get("/metrics", "GET");
        HttpResponse<String> head = scraper.get("/metrics", "HEAD");
        HttpResponse<String> post = scraper.get("/metrics", "POST");

        assertEquals(200, get.statusCode());
        assertEquals(List.of("text/plain; version=0.0.4; charset=utf-8"), get.headers().allValues("Content-Type"));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(405, post.statusCode());
        assertEquals(List.of("GET, HEAD"), post.headers().allValues("Allow"));
        assertEquals(405, scraper.get("/healthz", "DELETE").statusCode());
        assertEquals(200, scraper.get("/metrics?name[]=cavechat_joins_total", "GET").statusCode());
        assertEquals(404, scraper.get("/metrics/more", "GET").statusCode());
        assertEquals(404, scraper.get("/", "GET").statusCode());
    }

    /** One swarm member: sends its messages, then reads every member's, which ends only when all have talked. */
    private static void talkThenListen(WireClient member) {
        for (int i = 0; i < SWARM_MESSAGES; i++) {
            member.send("swarm message " + i + "\n");
        }
        for (int i = 0; i < SWARM * SWARM_MESSAGES; i++) {
            member.readLine();
        }
    }

    private static long sample(String body, String name) {
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ")) {
                return (long) Double.parseDouble(line.substring(name.length() + 1));
            }
        }
        throw new AssertionError(name + " missing from:\n" + body);
    }

    /** Joins the clients one after another, each join heard by everyone already present. */
    private List<WireClient> joinInTurn(String... names) {
        List<WireClient> joined = new ArrayList<>();
        for (String name : names) {
            WireClient client = running.joinLine(name);
            for (WireClient present : joined) {
                present.expect(Notices.joined(name) + "\n");
            }
            joined.add(client);
        }
        return joined;
    }

    /** What the conversation test's members read, byte for byte: greeting, welcome, later joins, every message. */
    private static long bytesEveryoneReceived() {
        long bytes = 0;
        for (int member = 0; member < NAMES.length; member++) {
            bytes += Notices.GREETING.length() + Notices.welcome(NAMES[member]).length() + 1;
            for (int later = member + 1; later < NAMES.length; later++) {
                bytes += Notices.joined(NAMES[later]).length() + 1;
            }
            for (String sender : NAMES) {
                for (int round = 1; round <= ROUNDS; round++) {
                    bytes += Notices.message(sender, "message " + round).length() + 1;
                }
            }
        }
        return bytes;
    }

    /** The chat's families as the exposition shows them, without the turn histogram's timing-dependent samples. */
    private static String chatFamiliesWithoutTurnSamples(String body) {
        StringBuilder chat = new StringBuilder();
        body.lines()
                .filter(line -> line.replaceFirst("^# (HELP|TYPE) ", "").startsWith("cavechat_"))
                .filter(line -> !line.startsWith("cavechat_turn_duration_seconds_"))
                .forEach(line -> chat.append(line).append('\n'));
        return chat.toString();
    }

    /** Every family's name and type, from its {@code # TYPE} line. */
    private static Map<String, String> types(String body) {
        Map<String, String> types = new TreeMap<>();
        body.lines().filter(line -> line.startsWith("# TYPE ")).map(line -> line.split(" "))
                .forEach(words -> types.put(words[2], words[3]));
        return types;
    }

    private static Map<String, String> filter(Map<String, String> types, Predicate<String> name) {
        Map<String, String> kept = new TreeMap<>(types);
        kept.keySet().removeIf(name.negate());
        return kept;
    }

    private static void assertSamples(String body, String... samples) {
        for (String sample : samples) {
            assertTrue(body.contains("\n" + sample + "\n"), () -> sample + " missing from:\n" + body);
        }
    }
}
