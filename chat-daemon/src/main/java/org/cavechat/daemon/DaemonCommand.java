package org.cavechat.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chat-daemon}: the command line operators run. Builds the one {@link DaemonConfig} from options (each
 * with an environment variable, for a systemd EnvironmentFile), starts the optional metrics endpoint and then
 * the server (on the listening socket systemd hands over, if any), so that a start which fails has greeted
 * nobody and logs nothing but its one error line; then the summary line and the READY line, and serves until
 * SIGTERM or SIGINT, which stop it gracefully through a shutdown hook.
 */
@Command(name = "chat-daemon", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Serves the CaveChat room: the protocol of the tutorial chat server, its defects fixed.",
        footer = {"", "Exit status: 0 help/version, 1 failure, 2 bad option or value, 3 cannot listen,",
                "130/143 stopped by SIGINT/SIGTERM. Protocol and policies: docs/protocol.md."})
final class DaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

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

    @Option(names = "--memory-budget", paramLabel = "BYTES", converter = MemoryBudgetConverter.class,
            defaultValue = "${env:CAVECHAT_MEMORY_BUDGET:-auto}",
            description = "Heap all outboxes together may pin; past it the connections furthest behind are dropped; "
                    + "auto is a quarter of the maximum heap (env CAVECHAT_MEMORY_BUDGET; default ${DEFAULT-VALUE}).")
    long memoryBudget;

    @Option(names = "--max-message-rate", paramLabel = "N",
            defaultValue = "${env:CAVECHAT_MAX_MESSAGE_RATE:-0}",
            description = "Messages per second one member may send (a burst of N, then N a second); beyond that it "
                    + "is read more slowly, never cut off; 0 for no limit "
                    + "(env CAVECHAT_MAX_MESSAGE_RATE; default ${DEFAULT-VALUE}).")
    int maxMessageRate;

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
            converter = LogFormatConverter.class,
            description = "auto (journal under systemd, else plain), plain or journal "
                    + "(env CAVECHAT_LOG_FORMAT; default ${DEFAULT-VALUE}).")
    LogFormat logFormat;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "${env:CAVECHAT_LOG_LEVEL:-info}",
            converter = LogLevelConverter.class,
            description = "error, warn, info (start, shutdown, summary) or debug (every connect, join and leave) "
                    + "(env CAVECHAT_LOG_LEVEL; default ${DEFAULT-VALUE}).")
    LogLevel logLevel;

    @Option(names = "--metrics", paramLabel = "[HOST:]PORT", converter = MetricsAddressConverter.class,
            defaultValue = "${env:CAVECHAT_METRICS:-}",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics and health at /healthz; a bare PORT "
                    + "listens on loopback only (env CAVECHAT_METRICS; default off).")
    InetSocketAddress metrics;

    /** Logs and prints to the process's own streams. */
    DaemonCommand() {
        this(System.out, System.err);
    }

    /** Logs and prints to {@code out} and {@code err}: tests capture them. */
    DaemonCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        DaemonConfig config;
        try {
            config = DaemonConfig.builder()
                    .bindAddress(bind).port(port).backlog(backlog).maxConnections(maxConnections)
                    .outboxBytes(outboxBytes).maxLineBytes(maxLineBytes).nameTimeout(nameTimeout)
                    .memoryBudgetBytes(memoryBudget).maxMessageRate(maxMessageRate)
                    .shutdownGrace(shutdownGrace).greeting(greeting).framing(framing)
                    .build();
        } catch (IllegalArgumentException outOfRange) {
            String problem = SettingProblem.of(outOfRange, spec, spec.commandLine().getParseResult().originalArgs());
            return fatal(ExitCode.USAGE, problem + " (see --help)");
        }
        Log log = Log.to(out, err, logFormat, logLevel);
        DaemonStats stats = new DaemonStats();
        MetricsEndpoint endpoint;
        try {
            endpoint = metrics == null ? null : MetricsEndpoint.start(metrics, stats, log);
        } catch (IOException | RuntimeException failed) {
            return fatal(ExitCode.CANNOT_LISTEN, "cannot serve metrics on " + metrics.getAddress().getHostAddress()
                    + ":" + metrics.getPort() + ": " + reason(failed));
        }
        ChatServer server;
        ServerSocketChannel inherited;
        try {
            inherited = inheritedListener();
            server = inherited == null ? ChatServer.start(config, log, stats)
                    : ChatServer.start(config, inherited, log, stats);
        } catch (IOException | RuntimeException failed) {
            if (endpoint != null) {
                endpoint.close();
            }
            return fatal(ExitCode.CANNOT_LISTEN, "cannot listen on " + bind.getHostAddress() + ":" + port + ": "
                    + reason(failed));
        }
        // The configured address, not the socket's: a dual-stack socket bound to 0.0.0.0 reports "::". Only an
        // inherited socket's own address says where it listens.
        String host = inherited == null ? bind.getHostAddress() : server.localAddress().getAddress().getHostAddress();
        return serve(server, endpoint, host, log);
    }

    /** Logs the metrics address, starts the summary line, prints READY, then waits for the server's end. */
    private int serve(ChatServer server, MetricsEndpoint endpoint, String host, Log log) throws InterruptedException {
        if (endpoint != null) {
            endpoint.watch(server);
            log.info("metrics at http://" + endpoint.address().getAddress().getHostAddress() + ":"
                    + endpoint.address().getPort() + MetricsEndpoint.METRICS_PATH + ", health at "
                    + MetricsEndpoint.HEALTH_PATH);
        }
        StatsSummary summary = StatsSummary.start(server.stats(), log, StatsSummary.PERIOD);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            summary.close();
            if (endpoint != null) {
                endpoint.close();
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

    /** A start that cannot go on: one line on stderr, in the log's format (priority err in the journal). */
    private int fatal(int exitCode, String problem) {
        err.println(logFormat.fatalLine(problem));
        err.flush();
        return exitCode;
    }

    /** The operating system's words ("Address already in use"), which is what an operator can act on. */
    private static String reason(Exception failed) {
        return Objects.requireNonNullElse(failed.getMessage(), "no reason given");
    }
}
