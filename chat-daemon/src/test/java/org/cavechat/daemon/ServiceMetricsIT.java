package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's metrics claim on the installed service, with its bundled runtime: one line in the environment file
 * turns on the metrics and the health check.
 */
class ServiceMetricsIT {

    @TempDir
    Path scratch;

    @Test
    void settingCavechatMetricsToAPortServesTheCountersAndHealthOnLoopback() throws Exception {
        ScratchRoot machine = ScratchRoot.install(scratch);
        Path environmentFile = machine.path("/etc/cavechat/chat-daemon.env");
        int metricsPort = ActivatedService.freePort();
        String settings = Files.readString(environmentFile);
        assertTrue(settings.contains("\nCAVECHAT_METRICS=\n"), settings);
        Files.writeString(environmentFile, settings.replace("\nCAVECHAT_METRICS=\n", "\nCAVECHAT_METRICS=" + metricsPort + "\n"));

        try (ActivatedService service = ActivatedService.listen(machine);
                WireClient alice = WireClient.connect(service.port())) {
            alice.expect(Notices.GREETING).send("alice\n").expect(Notices.welcome("alice") + "\n");
            alice.send("hello\n").expect(Notices.message("alice", "hello") + "\n");
            assertEquals("<6>metrics at http://127.0.0.1:" + metricsPort + "/metrics, health at /healthz",
                    service.stdout().await(line -> line.contains("metrics at"), ActivatedService.DEADLINE));

            Scraper scraper = new Scraper(metricsPort);
            String body = scraper.scrape();

            for (String sample : new String[] {"cavechat_connections_open 1.0", "cavechat_connections_total 1.0",
                    "cavechat_joins_total 1.0", "cavechat_messages_in_total 1.0", "cavechat_deliveries_out_total 1.0",
                    "cavechat_received_bytes_total 12.0",
                    "cavechat_build_info{version=\"" + System.getProperty("cavechat.version") + "\"} 1"}) {
                assertTrue(body.contains("\n" + sample + "\n"), () -> sample + " missing from:\n" + body);
            }
            // The bundled runtime carries what the JVM and process families need.
            assertTrue(body.contains("\n# TYPE process_open_fds gauge\n") && body.contains("\n# TYPE jvm_memory_used_bytes gauge\n"),
                    body);
            assertEquals("serving\n", scraper.get("/healthz", "GET").body());
        }
    }
}
