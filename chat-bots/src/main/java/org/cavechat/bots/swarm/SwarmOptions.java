package org.cavechat.bots.swarm;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cavechat.bots.Framing;
import org.cavechat.daemon.DurationConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options {@code swarm} and {@code simulate} share. Their defaults come from the command's default
 * provider ({@link SwarmDefaults}, {@link SimulateDefaults}), so each command shows its own in {@code --help}.
 */
final class SwarmOptions {
    static final int MAX_BOTS = 100_000;
    private static final int MAX_MESSAGE_BYTES = 4000;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-n", "--bots"}, paramLabel = "N", description = "Bots to connect (default: ${DEFAULT-VALUE}).")
    int bots;

    @Option(names = "--ramp", paramLabel = "PER_SECOND",
            description = "Connections started per second (default: ${DEFAULT-VALUE}).")
    double ramp;

    @Option(names = "--talkers", paramLabel = "SHARE", converter = ShareConverter.class,
            description = "Share of the bots that talk, as 0.1 or 10%%; the rest listen (default: ${DEFAULT-VALUE}).")
    double talkers;

    @Option(names = "--rate", paramLabel = "PER_SECOND",
            description = "Messages per second of all talkers together, sent open-loop (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--rate-per-bot", paramLabel = "PER_SECOND",
            description = "Messages per second of each talker, instead of --rate.")
    Double ratePerBot;

    @Option(names = "--message-bytes", paramLabel = "BYTES",
            description = "Size of each message's text, " + Payload.MIN_BYTES + " to " + MAX_MESSAGE_BYTES
                    + " (default: ${DEFAULT-VALUE}).")
    int messageBytes;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Measured traffic time, e.g. 30s (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Traffic before the measurement: checked, not in the figures (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--drain", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest wait after the last send for deliveries on their way (default: ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--join-timeout", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Time a bot has from connect to welcome (default: ${DEFAULT-VALUE}).")
    Duration joinTimeout;

    @Option(names = "--framing", converter = FramingConverter.class, paramLabel = "line|legacy",
            description = "line (CaveChat) or legacy: bare chunks and one join at a time, for the original server "
                    + "(default: ${DEFAULT-VALUE}).")
    Framing framing;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seeds the choice of talkers and their timing (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-p99", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Fail (exit 1) when the measured p99 latency is above this, e.g. 50ms: "
                    + "short for --threshold 'p99<=50ms'.")
    Duration maxP99;

    @Option(names = "--max-loss", converter = ShareConverter.class, paramLabel = "SHARE",
            description = "Fail (exit 1) when more than this share of deliveries is lost, e.g. 0.1%%: "
                    + "short for --threshold 'loss<=0.1%%' (default: ${DEFAULT-VALUE}).")
    Double maxLoss;

    @Option(names = "--threshold", paramLabel = "EXPRESSION", converter = ThresholdConverter.class,
            description = "Fail (exit 1) unless this holds; repeatable. METRIC OP VALUE: p50..p99.99 or max "
                    + "(latency; ms, s or us), loss (0.001 or 0.1%%), joined (bots, or %% of those asked for), "
                    + "rate (per second, or %% of the rate requested); OP is < <= == >= >. "
                    + "E.g. 'p99<50ms' 'loss==0' 'joined>=99%%' 'rate>=95%%'.")
    List<Threshold> thresholds = new ArrayList<>();

    @Option(names = "--max-send-lag", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "The run is INVALID (exit 4) when the p99 of how late sends left is beyond this: the "
                    + "generator did not offer the load (default: ${DEFAULT-VALUE}).")
    Duration maxSendLag;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write summary.json, latency.hlog and report.html in this directory.")
    Path report;

    @Option(names = "--selectors", paramLabel = "N",
            description = "Selector threads driving the bots (default: ${DEFAULT-VALUE}).")
    int selectors;

    @Option(names = "--source-addresses", paramLabel = "N",
            description = "Loopback source addresses 127.0.0.1..N to spread connections over when local ports "
                    + "run short; 0 picks one per 10000 bots (default: ${DEFAULT-VALUE}).")
    int sourceAddresses;

    @Option(names = "--name-prefix", paramLabel = "PREFIX",
            description = "Bots are named this plus their number (default: ${DEFAULT-VALUE}).")
    String namePrefix;

    @Option(names = {"-q", "--quiet"}, description = "No progress line.")
    boolean quiet;

    /** The validated plan; a value out of range is a usage error (exit 2). */
    SwarmPlan plan(InetSocketAddress server) {
        require(bots >= 1 && bots <= MAX_BOTS, "--bots must be between 1 and " + MAX_BOTS);
        require(ramp > 0 && Double.isFinite(ramp), "--ramp must be above 0");
        require(talkers > 0, "--talkers must be above 0: somebody has to talk");
        require(ratePerBot == null || ratePerBot > 0 && Double.isFinite(ratePerBot), "--rate-per-bot must be above 0");
        require(ratePerBot == null || !spec.commandLine().getParseResult().hasMatchedOption("--rate"),
                "give --rate or --rate-per-bot, not both");
        require(rate > 0 && Double.isFinite(rate), "--rate must be above 0");
        require(messageBytes >= Payload.MIN_BYTES && messageBytes <= MAX_MESSAGE_BYTES,
                "--message-bytes must be between " + Payload.MIN_BYTES + " and " + MAX_MESSAGE_BYTES);
        require(duration.isPositive(), "--duration must be above 0");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(!drain.isNegative(), "--drain must not be negative");
        require(maxSendLag.isPositive(), "--max-send-lag must be above 0");
        require(joinTimeout.isPositive(), "--join-timeout must be above 0");
        require(selectors >= 1 && selectors <= 64, "--selectors must be between 1 and 64");
        require(sourceAddresses >= 0 && sourceAddresses <= 254, "--source-addresses must be between 0 and 254");
        require(namePrefix.matches("[A-Za-z0-9_-]{1,20}"), "--name-prefix must be 1 to 20 letters, digits, - or _");
        boolean perBot = ratePerBot != null;
        int sources = sourceAddresses == 0 ? 1 + (bots - 1) / 10_000 : sourceAddresses;
        return new SwarmPlan(server, bots, ramp, talkers, perBot ? ratePerBot : rate, perBot, messageBytes,
                duration, warmup, drain, joinTimeout, framing, seed, maxP99, maxLoss, List.copyOf(thresholds), maxSendLag, report, selectors, sources,
                namePrefix, !quiet,
                RunMetadata.now(spec.commandLine().getCommandName(),
                        spec.commandLine().getParseResult().originalArgs()));
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
