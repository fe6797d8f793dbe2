package org.cavechat.daemon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a metrics endpoint the way Prometheus does: a plain GET of /metrics. */
final class Scraper {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;

    Scraper(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    HttpResponse<String> get(String path, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics", "GET");
        if (response.statusCode() != 200) {
            throw new AssertionError("scrape answered " + response.statusCode());
        }
        return response.body();
    }
}
