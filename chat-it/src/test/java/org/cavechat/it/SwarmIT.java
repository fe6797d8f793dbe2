package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.cavechat.bots.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;

/**
 * A swarm of 1,000 bots ({@code chat-bots swarm}) against the daemon in its container for 20 seconds: every
 * message reaches every bot once and in order, and the report files exist and parse: summary.json with a
 * JSON parser, the latency log with HdrHistogram's reader, report.html as a page that needs no network.
 */
@DaemonInDocker
class SwarmIT {
    private static final int BOTS = 1000;

    @Container
    final CaveChatContainer daemon = new CaveChatContainer();

    @TempDir
    Path reports;

    @Test
    void aThousandBotsForTwentySecondsLoseAndReorderNothingAndWriteAReportThatParses() throws IOException {
        StringWriter output = new StringWriter();
        var command = Main.commandLine();
        command.setOut(new PrintWriter(output, true));
        command.setErr(new PrintWriter(output, true));
        String server = daemon.getHost() + ":" + daemon.getMappedPort(CaveChatContainer.CHAT_PORT);
        // The bound on send lag is generous: this test is about delivery, and a busy machine must not make it INVALID.
        int exitCode = command.execute("swarm", "--server", server, "--bots", String.valueOf(BOTS),
                "--duration", "20s", "--max-loss", "0", "--max-send-lag", "1s", "--seed", "4", "--quiet",
                "--report", reports.toString());
        System.out.println(output);
        assertEquals(0, exitCode, output.toString());

        JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        assertEquals(BOTS, summary.at("/bots/joined").asInt(), "bots joined");
        assertEquals(0, summary.at("/bots/failedJoins").asInt(), "failed joins");
        JsonNode delivery = summary.at("/delivery");
        assertTrue(delivery.at("/delivered").asLong() > 0, "deliveries counted: " + delivery);
        assertEquals(delivery.at("/expected").asLong(), delivery.at("/delivered").asLong(), "delivered as expected");
        assertEquals(0, delivery.at("/lost").asLong(), "lost");
        assertEquals(0, delivery.at("/duplicated").asLong(), "duplicated");
        assertEquals(0, delivery.at("/reordered").asLong(), "reordered");
        assertEquals(0, delivery.at("/malformed").asLong(), "malformed");
        assertTrue(summary.at("/passed").asBoolean(), "the run passed: " + summary.at("/breaches"));

        assertTrue(latencyIntervals(reports.resolve("latency.hlog")) > 0, "latency intervals logged");
        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.strip().startsWith("<!DOCTYPE html>") || html.strip().startsWith("<html"), "an HTML page");
        assertTrue(html.strip().endsWith("</html>"), "a complete HTML page");
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "the page loads nothing from the network");
    }

    /** How many histograms the interval log holds; HdrHistogram's reader fails on a malformed log. */
    private static int latencyIntervals(Path log) throws IOException {
        int intervals = 0;
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null;
                interval = reader.nextIntervalHistogram()) {
            intervals++;
        }
        return intervals;
    }
}
