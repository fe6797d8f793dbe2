package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;

/**
 * The metrics endpoint in the image: its jlink runtime and the few system libraries copied into a scratch
 * image carry what the Prometheus client's process and JVM collectors need (the management libraries, the
 * container's /proc), the build version reaches {@code cavechat_build_info}, and {@code /healthz} answers.
 */
@DaemonInDocker
class MetricsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @Container
    final CaveChatContainer daemon = new CaveChatContainer().withMetrics();

    @Test
    void theImageServesTheChatProcessAndJvmFamiliesAndItsHealth() throws Exception {
        InetSocketAddress server = daemon.chatAddress();
        try (Peer alice = Peer.lineMember(server, "alice")) {
            alice.sendLine("hello");
            alice.expectLine(ServerText.message("alice", "hello"));

            HttpResponse<String> metrics = get("/metrics");
            HttpResponse<String> health = get("/healthz");

            assertEquals(200, metrics.statusCode());
            String body = metrics.body();
            for (String line : new String[] {
                "cavechat_build_info{version=\"" + System.getProperty("cavechat.version") + "\"} 1",
                "cavechat_joins_total 1.0", "cavechat_messages_in_total 1.0", "# TYPE process_open_fds gauge",
                "# TYPE process_max_fds gauge", "# TYPE process_resident_memory_bytes gauge",
                "# TYPE jvm_memory_used_bytes gauge", "# TYPE jvm_gc_collection_seconds summary",
                "# TYPE jvm_threads_current gauge"}) {
                assertTrue(body.contains("\n" + line + "\n"), () -> line + " missing from:\n" + body);
            }
            assertEquals(200, health.statusCode());
            assertEquals("serving\n", health.body());
            assertFalse(daemon.log().contains("Exception") || daemon.log().contains("WARNING"), daemon.log());
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(daemon.metricsUri().resolve(path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
