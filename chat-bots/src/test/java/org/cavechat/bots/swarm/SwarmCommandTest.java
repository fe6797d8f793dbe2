package org.cavechat.bots.swarm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.cavechat.daemon.ChatServer;
import org.cavechat.daemon.DaemonConfig;
import org.cavechat.daemon.Log;
import org.cavechat.daemon.LogFormat;
import org.cavechat.daemon.LogLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SwarmCommandTest {
    private static ChatServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDaemon() throws IOException {
        server = startOnFreePort();
    }

    @AfterAll
    static void stopDaemon() {
        server.close();
    }

    private static ChatServer startOnFreePort() throws IOException {
        return ChatServer.start(DaemonConfig.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).build(),
                Log.silent());
    }

    private static String address(ChatServer daemon) {
        return "127.0.0.1:" + daemon.port();
    }

    /**
     * Runs swarm with a send-lag bound of seconds: these tests are about the server's side, and a busy test
     * machine must not turn their runs INVALID. A later --max-send-lag in {@code args} wins.
     */
    private static CommandRun swarm(String... args) {
        String[] withBound = new String[args.length + 2];
        withBound[0] = "--max-send-lag";
        withBound[1] = "5s";
        System.arraycopy(args, 0, withBound, 2, args.length);
        return CommandRun.of(new SwarmCommand(), withBound);
    }

    @Test
    void shortRunDeliversEveryMessageOnceAndWritesAReportThatParses() throws IOException {
        CommandRun run = swarm("--server", address(server), "--bots", "50", "--rate", "50", "--duration", "2s",
                "--warmup", "500ms", "--name-prefix", "short", "--report", dir.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("PASS"), run.out());
        Object json = Json.parse(Files.readString(dir.resolve("summary.json")));
        assertEquals(50.0, JsonReader.path(json, "bots.joined"));
        assertEquals(5.0, JsonReader.path(json, "delivery.talkers"));
        assertEquals(50.0, JsonReader.path(json, "delivery.receivers"));
        double sent = (Double) JsonReader.path(json, "delivery.sent");
        assertTrue(sent > 0);
        assertEquals(sent * 50, JsonReader.path(json, "delivery.expected"));
        assertEquals(sent * 50, JsonReader.path(json, "delivery.delivered"));
        assertEquals(0.0, JsonReader.path(json, "delivery.lost"));
        assertEquals(0.0, JsonReader.path(json, "delivery.duplicated"));
        assertEquals(0.0, JsonReader.path(json, "delivery.reordered"));
        assertEquals(0.0, JsonReader.path(json, "delivery.malformed"));
        assertEquals(Boolean.TRUE, JsonReader.path(json, "delivery.drained"));
        assertEquals(sent * 50, latencyCountInLog(dir.resolve("latency.hlog")),
                "the interval log holds one latency per delivery, warm-up included");
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<svg ") && html.contains("PASS"));
        assertTrue(run.out().contains("report: " + dir.resolve("report.html").toAbsolutePath()), run.out());
        assertTrue(run.out().contains(System.lineSeparator() + "command   chat-bots swarm --max-send-lag 5s --server "),
                run.out());
        assertTrue(Files.readString(dir.resolve("latency.hlog")).contains("#Values are microseconds"));
    }

    @Test
    void reportListsEverySecondInSeriesCsvAddingUpToTheSummary() throws IOException {
        CommandRun run = swarm("--server", address(server), "--bots", "20", "--rate", "40", "--duration", "2s",
                "--warmup", "1s", "--name-prefix", "series", "-q", "--report", dir.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        Object json = Json.parse(Files.readString(dir.resolve("summary.json")));
        List<String> lines = Files.readAllLines(dir.resolve("series.csv"), UTF_8);
        assertEquals("second,interval_s,phase,members,sent,delivered,latencies,p50_ms,p99_ms,max_ms,missing,errors",
                lines.get(0));
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
        assertEquals(JsonReader.path(json, "intervals"), (double) rows.size());
        assertEquals(JsonReader.path(json, "delivery.sent"), rows.stream().mapToDouble(r -> Long.parseLong(r[4])).sum());
        assertEquals(JsonReader.path(json, "delivery.delivered"),
                rows.stream().mapToDouble(r -> Long.parseLong(r[5])).sum());
        List<String> phases = rows.stream().map(r -> r[2]).distinct().toList();
        assertEquals(List.of("ramp", "warm-up", "measure", "drain").stream().filter(phases::contains).toList(), phases,
                "phases in the order the run went through them");
        assertTrue(phases.contains("measure") && phases.get(phases.size() - 1).equals("drain"), phases.toString());
        assertEquals("0", rows.get(rows.size() - 1)[10], "nothing is missing once the drain is over");
        assertTrue(rows.stream().allMatch(r -> r.length == 12), "every row has every column");
    }

    private static double latencyCountInLog(Path log) throws IOException {
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        long count = 0;
        int intervals = 0;
        for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
            if ("latency".equals(h.getTag())) {
                count += ((org.HdrHistogram.Histogram) h).getTotalCount();
                intervals++;
            }
        }
        assertTrue(intervals >= 1);
        return count;
    }

    @Test
    void legacyFramedBotsAreCheckedAsStrictlyAsLineFramedOnes() throws IOException {
        CommandRun run = swarm("--server", address(server), "--bots", "10", "--framing", "legacy", "--rate", "40",
                "--duration", "1s", "--warmup", "0s", "--name-prefix", "legacy", "-q", "--report", dir.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        Object json = Json.parse(Files.readString(dir.resolve("summary.json")));
        double sent = (Double) JsonReader.path(json, "delivery.sent");
        assertTrue(sent > 0);
        assertEquals(sent * 10, JsonReader.path(json, "delivery.delivered"));
        assertEquals(0.0, JsonReader.path(json, "delivery.lost"));
        assertEquals(0.0, JsonReader.path(json, "delivery.malformed"));
    }

    @Test
    void fastTalkerSendsItsDueMessagesTogetherAndEveryMemberStillGetsEachOnceInOrder() throws IOException {
        // 40,000 messages a second from one talker: due messages leave in shared writes (Transmitter).
        CommandRun run = swarm("--server", address(server), "--bots", "3", "--talkers", "0.34", "--rate", "40000",
                "--message-bytes", "64", "--duration", "1s", "--warmup", "200ms", "--name-prefix", "fast", "-q",
                "--report", dir.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        Object json = Json.parse(Files.readString(dir.resolve("summary.json")));
        assertEquals(1.0, JsonReader.path(json, "delivery.talkers"));
        double sent = (Double) JsonReader.path(json, "delivery.sent");
        assertEquals(48_000.0, sent, 1.0, "every message scheduled in 1.2 s at 40,000/s");
        assertEquals(JsonReader.path(json, "rate.scheduledMeasured"), JsonReader.path(json, "rate.sentMeasured"));
        assertEquals(sent * 3, JsonReader.path(json, "delivery.delivered"));
        assertEquals(0.0, JsonReader.path(json, "delivery.lost"));
        assertEquals(0.0, JsonReader.path(json, "delivery.duplicated"));
        assertEquals(0.0, JsonReader.path(json, "delivery.reordered"));
        assertEquals(0.0, JsonReader.path(json, "delivery.malformed"));
    }

    @Test
    void lostAndDuplicatedDeliveriesAreCountedExactlyAndLossFailsTheRun() throws IOException {
        CommandRun run;
        try (FaultyRoom room = new FaultyRoom()) {
            run = swarm("--server", "127.0.0.1:" + room.port(), "--bots", "4", "--talkers", "0.5", "--rate", "40",
                    "--duration", "1s", "--warmup", "0s", "--drain", "1s", "-q", "--report", dir.toString());
        }
        assertEquals(1, run.code(), run.out() + run.err());
        Object json = Json.parse(Files.readString(dir.resolve("summary.json")));
        long sent = ((Double) JsonReader.path(json, "delivery.sent")).longValue();
        assertTrue(sent >= 2, "enough messages to lose one and double one");
        assertEquals((double) FaultyRoom.dropped(sent), JsonReader.path(json, "delivery.lost"));
        assertEquals((double) FaultyRoom.doubled(sent), JsonReader.path(json, "delivery.duplicated"));
        assertEquals(0.0, JsonReader.path(json, "delivery.reordered"));
        assertEquals(1.0, JsonReader.path(json, "delivery.lossyReceivers"), "only the first member to join");
        assertEquals((double) (4 * sent - FaultyRoom.dropped(sent)), JsonReader.path(json, "delivery.delivered"));
        assertTrue(run.out().contains("FAIL: loss "), run.out());
    }

    @Test
    void botsSpreadOverSeveralLoopbackSourceAddressesWhenAsked() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CommandRun run;
        DaemonConfig config = DaemonConfig.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).build();
        PrintStream logStream = new PrintStream(log, true, UTF_8);
        try (ChatServer logged = ChatServer.start(config,
                Log.to(logStream, logStream, LogFormat.PLAIN, LogLevel.DEBUG))) {
            run = swarm("--server", address(logged), "--bots", "6", "--source-addresses", "3", "--rate", "20",
                    "--duration", "1s", "--warmup", "0s", "-q");
        }
        assertEquals(0, run.code(), run.out() + run.err());
        String text = log.toString(UTF_8);
        for (String source : new String[] {"127.0.0.1:", "127.0.0.2:", "127.0.0.3:"}) {
            assertEquals(2, text.split("connect from " + source, -1).length - 1, source + " in\n" + text);
        }
    }

    @Test
    void botsTheServerTurnsAwayMakeTheRunInvalidWithExitFour() throws IOException {
        DaemonConfig config = DaemonConfig.builder().port(0).bindAddress(InetAddress.getLoopbackAddress())
                .maxConnections(3).build();
        CommandRun run;
        try (ChatServer full = ChatServer.start(config, Log.silent())) {
            run = swarm("--server", address(full), "--bots", "5", "--rate", "20", "--duration", "500ms",
                    "--warmup", "0s", "-q", "--report", dir.toString());
        }
        assertEquals(4, run.code(), run.out() + run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[1].startsWith("INVALID: the load was not offered as asked (2 of 5 bots could not join)"),
                run.out());
        assertFalse(run.out().contains("PASS"), run.out());
        Object json = Json.parse(Files.readString(dir.resolve("summary.json")));
        assertEquals("INVALID", JsonReader.path(json, "verdict"));
        assertEquals(3.0, JsonReader.path(json, "bots.joined"));
    }

    @Test
    void p99AboveMaxP99FailsTheRunWithExitOne() {
        CommandRun run = swarm("--server", address(server), "--bots", "5", "--rate", "20", "--duration", "1s",
                "--warmup", "0s", "--name-prefix", "strict", "-q", "--max-p99", "0ms");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL: p99 latency"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bots=0", "--talkers=0", "--rate=-5", "--message-bytes=10", "--server=host:notaport",
        "--server=host:99999", "--duration=soon", "--duration=8761h", "--framing=smoke", "--max-loss=2",
        "--selectors=0", "--name-prefix=a:b", "--no-such-option", "--rate=5 --rate-per-bot=1"})
    void impossibleOptionExitsTwoWithoutAStackTrace(String options) {
        CommandRun run = swarm(options.split(" "));
        assertEquals(2, run.code(), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void closedPortExitsThreeWithOneLine() throws IOException {
        int port;
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = listener.socket().getLocalPort();
        }
        CommandRun run = swarm("--server", "127.0.0.1:" + port, "--bots", "5", "-q");
        assertEquals(3, run.code(), run.err());
        assertEquals("swarm: cannot connect to 127.0.0.1:" + port + ": connection refused (is the daemon running?)\n",
                run.err());
    }

    @Test
    void unknownHostExitsThree() {
        CommandRun run = swarm("--server", "no-such-host.invalid:33000", "-q");
        assertEquals(3, run.code(), run.err());
        assertEquals("swarm: cannot connect to no-such-host.invalid:33000: unknown host", run.err().strip());
    }

    @Test
    void serverShuttingDownMidRunLeavesAPartialReportAndFails() throws Exception {
        ChatServer doomed = startOnFreePort();
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> swarm("--server", address(doomed),
                "--bots", "20", "--rate", "40", "--duration", "60s", "--warmup", "0s", "-q", "--report", dir.toString()));
        CommandRun.await("the bots have joined and talk", Duration.ofSeconds(20),
                () -> doomed.stats().joins() == 20 && doomed.stats().messagesIn() > 0);
        doomed.close();
        CommandRun run = running.get(30, TimeUnit.SECONDS);
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("20 members were disconnected during the run"), run.out());
        assertTrue(run.out().contains("ended early: every member was disconnected"), run.out());
        Object json = Json.parse(Files.readString(dir.resolve("summary.json")));
        assertEquals(20.0, JsonReader.path(json, "bots.ends.SERVER_SHUTDOWN"));
        assertTrue(Files.exists(dir.resolve("report.html")));
    }
}
