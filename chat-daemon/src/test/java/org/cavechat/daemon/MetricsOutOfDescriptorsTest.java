package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scrape that arrives while the daemon is out of descriptors: the metrics listener's accept fails with EMFILE,
 * and it pauses and says so (the JDK's HTTP server instead retried at once, at a core's worth of CPU, and said
 * nothing); once descriptors are free again, the waiting scrape is answered. The daemon runs as a child process
 * under a descriptor limit ({@link DaemonProcess#startWithDescriptorLimit}), so this test's JVM keeps its own.
 */
class MetricsOutOfDescriptorsTest {
    /** The JVM, its jars (Netty's and the Prometheus client's too) and a few dozen connections. */
    private static final int DESCRIPTORS = 128;
    private static final String HEALTH = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

    @TempDir
    Path scratch;

    @Test
    void aScrapeWhileOutOfDescriptorsPausesTheMetricsListenerAndIsAnsweredOnceTheyAreFree() {
        assertTimeoutPreemptively(DaemonProcess.BOUND, () -> {
            int metricsPort = ActivatedService.freePort();
            // At level warn the READY line is the first on stdout, and the metrics endpoint's error is on stderr.
            try (DaemonProcess daemon = DaemonProcess.startWithDescriptorLimit(DESCRIPTORS, scratch, Map.of(),
                    "--bind=127.0.0.1", "--port=0", "--framing=line", "--log-format=plain", "--log-level=warn",
                    "--metrics=127.0.0.1:" + metricsPort)) {
                int chatPort = daemon.readyPort();
                List<WireClient> clients = new ArrayList<>();
                try {
                    // Loads every class a health check needs while descriptors are plentiful.
                    try (WireClient warmUp = WireClient.connect(metricsPort)) {
                        warmUp.send(HEALTH).expect("HTTP/1.1 200 OK\r\n");
                    }
                    DescriptorExhaustionTest.fillEveryDescriptor(chatPort, DESCRIPTORS, clients);

                    WireClient scrape = WireClient.connect(metricsPort).send(HEALTH);
                    clients.add(scrape);
                    Deadline.await("the metrics listener's accept failure on stderr",
                            () -> daemon.stderr().stream().anyMatch(line -> line.contains(
                                    "ERROR metrics: accept failed, pausing metrics accepts for 1000 ms: ")),
                            daemon::stderr);
                    clients.subList(0, clients.size() - 1).forEach(WireClient::close);

                    scrape.expect("HTTP/1.1 200 OK\r\n");
                } finally {
                    clients.forEach(WireClient::close);
                }
            }
        });
    }
}
