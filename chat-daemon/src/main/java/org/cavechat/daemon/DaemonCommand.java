package org.cavechat.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chat-daemon}: the command line operators run. Builds the one {@link DaemonConfig} from options (each
 * with an environment variable, for a systemd EnvironmentFile), starts the server (on the listening socket
 * systemd hands over, if any), the optional metrics endpoint and the summary line, prints the READY line,
 * and serves until SIGTERM or SIGINT, which stop it gracefully through a shutdown hook.
 */
@Command(name = "chat-daemon", mixinStandardHelpOptions = true, version = "CaveChat daemon 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Serves the CaveChat room: the protocol of the tutorial chat server, its defects fixed.",
        footer = {"", "Exit status: 0 help/version, 1 failure, 2 bad option or value, 3 cannot listen,",
                "130/143 stopped by SIGINT/SIGTERM. Protocol and policies: docs/protocol.md."})
final class DaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:CAVECHAT_BIND:-0.0.0.0}",
            description = "Address to listen on (env CAVECHAT_BIND; default ${DEFAULT-VALUE}: all interfaces).")
    InetAddress bind;

    @Option(names = "--port", defaultValue = "${env:CAVECHAT_PORT:-33000}",
            description = "TCP port, 0 for any free one (env CAVECHAT_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--backlog", defaultValue = "${env:CAVECHAT_BACKLOG:-1024}",
            description = "Listen backlog (env CAVECHAT_BACKLOG; default ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "${env:CAVECHAT_MAX_CONNECTIONS:-16384}",
            description = "Open connections, named or not; one more is told the cave is full "
                    + "(env CAVECHAT_MAX_CONNECTIONS; default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--outbox-bytes", paramLabel = "BYTES", defaultValue = "${env:CAVECHAT_OUTBOX_BYTES:-1048576}",
            description = "Output queued for one connection before it is dropped as a slow consumer "
                    + "(env CAVECHAT_OUTBOX_BYTES; default ${DEFAULT-VALUE}).")
    int outboxBytes;

    @Option(names = "--memory-budget", paramLabel = "BYTES", defaultValue = "${env:CAVECHAT_MEMORY_BUDGET}",
            description = "Heap all outboxes together may pin; past it the connections furthest behind are dropped "
                    + "(env CAVECHAT_MEMORY_BUDGET; default a quarter of the maximum heap).")
    Long memoryBudget;

    @Option(names = "--max-line-bytes", paramLabel = "BYTES", defaultValue = "${env:CAVECHAT_MAX_LINE_BYTES:-4096}",
            description = "Longest line-framed message; longer lines are dropped and the sender told "
                    + "(env CAVECHAT_MAX_LINE_BYTES; default ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--name-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CAVECHAT_NAME_TIMEOUT:-300s}",
            description = "Time a new connection has to send an acceptable name "
                    + "(env CAVECHAT_NAME_TIMEOUT; default ${DEFAULT-VALUE}).")
    Duration nameTimeout;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CAVECHAT_SHUTDOWN_GRACE:-5s}",
            description = "How long a shutdown waits for output to drain "
                    + "(env CAVECHAT_SHUTDOWN_GRACE; default ${DEFAULT-VALUE}).")
    Duration shutdownGrace;

    @Option(names = "--greeting", paramLabel = "SPELLING", defaultValue = "${env:CAVECHAT_GREETING:-repository}",
            converter = GreetingConverter.class,
            description = "repository (60 bytes) or article (59 bytes, no space after 'cave!') "
                    + "(env CAVECHAT_GREETING; default ${DEFAULT-VALUE}).")
    Greeting greeting;

    @Option(names = "--framing", paramLabel = "POLICY", defaultValue = "${env:CAVECHAT_FRAMING:-auto}",
            converter = FramingPolicyConverter.class,
            description = "auto (decided by the first read), legacy or line "
                    + "(env CAVECHAT_FRAMING; default ${DEFAULT-VALUE}).")
    FramingPolicy framing;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:CAVECHAT_LOG_FORMAT:-auto}",
            description = "auto (journal under systemd, else plain), plain or journal "
                    + "(env CAVECHAT_LOG_FORMAT; default ${DEFAULT-VALUE}).")
    String logFormat;

    @Option(names = "--metrics", paramLabel = "[HOST:]PORT", converter = MetricsAddressConverter.class,
            defaultValue = "${env:CAVECHAT_METRICS:-}",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics and health at /healthz; a bare PORT "
                    + "listens on loopback only (env CAVECHAT_METRICS; default off).")
    InetSocketAddress metrics;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DaemonConfig config;
        LogFormat format;
        try {
            config = DaemonConfig.builder()
                    .bindAddress(bind).port(port).backlog(backlog).maxConnections(maxConnections)
                    .outboxBytes(outboxBytes).maxLineBytes(maxLineBytes).nameTimeout(nameTimeout)
                    .memoryBudgetBytes(memoryBudget == null ? DaemonConfig.defaultMemoryBudget() : memoryBudget)
                    .shutdownGrace(shutdownGrace).greeting(greeting).framing(framing)
                    .build();
            format = logFormat();
        } catch (IllegalArgumentException bad) {
            err.println("chat-daemon: " + bad.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        Log log = Log.to(System.out, format);
        ChatServer server;
        ServerSocketChannel inherited;
        try {
            inherited = inheritedListener();
            server = inherited == null ? ChatServer.start(config, log) : ChatServer.start(config, inherited, log);
        } catch (IOException | RuntimeException failed) {
            err.println("chat-daemon: cannot listen on " + bind.getHostAddress() + ":" + port + ": "
                    + failed.getMessage());
            err.flush();
            return ExitCode.CANNOT_LISTEN;
        }
        // The configured address, not the socket's: a dual-stack socket bound to 0.0.0.0 reports "::". Only an
        // inherited socket's own address says where it listens.
        String host = inherited == null ? bind.getHostAddress() : server.localAddress().getAddress().getHostAddress();
        return serve(server, host, log, out, err);
    }

    /** Adds the metrics endpoint and the summary line to a started server, then waits for its end. */
    private int serve(ChatServer server, String host, Log log, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        MetricsEndpoint endpoint = null;
        if (metrics != null) {
            try {
                endpoint = MetricsEndpoint.start(metrics, server, log);
            } catch (IOException | RuntimeException failed) {
                server.close();
                err.println("chat-daemon: cannot serve metrics on " + metrics.getAddress().getHostAddress() + ":"
                        + metrics.getPort() + ": " + failed.getMessage());
                err.flush();
                return ExitCode.CANNOT_LISTEN;
            }
            log.info("metrics at http://" + endpoint.address().getAddress().getHostAddress() + ":"
                    + endpoint.address().getPort() + MetricsEndpoint.METRICS_PATH + ", health at "
                    + MetricsEndpoint.HEALTH_PATH);
        }
        StatsSummary summary = StatsSummary.start(server.stats(), log, StatsSummary.PERIOD);
        MetricsEndpoint started = endpoint;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            summary.close();
            if (started != null) {
                started.close();
            }
        }, "cavechat-shutdown"));
        out.println("READY listening on " + host + ":" + server.port());
        out.flush();
        return server.awaitTermination() ? ExitCode.FAILED : ExitCode.OK;
    }

    /**
     * The listening socket systemd hands over under socket activation (StandardInput=socket: it is stdin),
     * already bound as the socket unit says; null when the daemon is to bind {@code --bind}:{@code --port} itself.
     */
    private static ServerSocketChannel inheritedListener() throws IOException {
        return System.inheritedChannel() instanceof ServerSocketChannel inherited ? inherited : null;
    }

    private LogFormat logFormat() {
        return switch (logFormat.toLowerCase(java.util.Locale.ROOT)) {
            case "plain" -> LogFormat.PLAIN;
            case "journal" -> LogFormat.JOURNAL;
            case "auto" -> System.getenv("JOURNAL_STREAM") != null ? LogFormat.JOURNAL : LogFormat.PLAIN;
            default -> throw new IllegalArgumentException(
                    "--log-format must be auto, plain or journal, not '" + logFormat + "'");
        };
    }
}
