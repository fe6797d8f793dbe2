package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scrape that arrives while the daemon is out of descriptors: the metrics listener's accept fails with EMFILE,
 * and it pauses and says so in the log (the JDK's HTTP server instead retried at once, at a core's worth of CPU,
 * and said nothing); once descriptors are free again, the waiting scrape is answered. The daemon runs in its own
 * JVM under a low descriptor limit ({@code prlimit}), so this test's JVM keeps its own.
 */
class MetricsOutOfDescriptorsTest {
    private static final Duration BOUND = Duration.ofSeconds(90);
    /** Enough for the JVM, its jars and a few connections; the chat clients below take the rest. */
    private static final int DESCRIPTOR_LIMIT = 256;
    private static final int CHAT_CLIENTS = DESCRIPTOR_LIMIT + 64;
    private static final Pattern METRICS_PORT = Pattern.compile(".*metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics.*");
    private static final Pattern READY = Pattern.compile("READY listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final String HEALTH = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

    private final List<WireClient> clients = new ArrayList<>();
    private Process daemon;

    @AfterEach
    void stop() {
        clients.forEach(WireClient::close);
        if (daemon != null) {
            daemon.destroyForcibly();
        }
    }

    @Test
    void aScrapeWhileOutOfDescriptorsPausesTheMetricsListenerAndIsAnsweredOnceTheyAreFree() {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "this test needs util-linux's prlimit");
        assertTimeoutPreemptively(BOUND, () -> {
            daemon = new ProcessBuilder("/usr/bin/prlimit", "--nofile=" + DESCRIPTOR_LIMIT + ":" + DESCRIPTOR_LIMIT,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--bind=127.0.0.1", "--port=0", "--metrics=127.0.0.1:0", "--log-format=plain")
                    .redirectErrorStream(true).start();
            StreamLines log = StreamLines.of(daemon.getInputStream(), "daemon-output");
            int metricsPort = port(log, METRICS_PORT);
            int chatPort = port(log, READY);
            // Loads every class a scrape needs while descriptors are plentiful.
            connect(metricsPort).send(HEALTH).expect("HTTP/1.1 200 OK\r\n");

            for (int i = 0; i < CHAT_CLIENTS; i++) {
                connect(chatPort);
            }
            log.await(line -> line.contains("ERROR accept failed; pausing accepts"), BOUND);
            WireClient scrape = connect(metricsPort).send(HEALTH);
            log.await(line -> line.contains("ERROR metrics: accept failed; pausing metrics accepts for 1000 ms"), BOUND);

            List<WireClient> chat = List.copyOf(clients.subList(1, 1 + CHAT_CLIENTS));
            chat.forEach(WireClient::close);
            clients.removeAll(chat);

            scrape.expect("HTTP/1.1 200 OK\r\n");
        });
    }

    private static int port(StreamLines log, Pattern line) throws InterruptedException {
        Matcher matcher = line.matcher(log.await(text -> line.matcher(text).matches(), BOUND));
        assertTrue(matcher.matches());
        return Integer.parseInt(matcher.group(1));
    }

    private WireClient connect(int port) {
        WireClient client = WireClient.connect(port);
        clients.add(client);
        return client;
    }
}
