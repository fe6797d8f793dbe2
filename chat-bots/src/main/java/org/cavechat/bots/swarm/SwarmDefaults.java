package org.cavechat.bots.swarm;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code swarm} command's defaults: a modest load against a server somebody else started. Loss is
 * not tolerated unless asked for ({@code --max-loss 0}): exactly-once delivery is the chat's contract.
 * An environment variable named {@code CAVECHAT_} plus the option's name in capitals ({@code CAVECHAT_BOTS},
 * {@code CAVECHAT_MAX_SEND_LAG}) overrides a default, as the daemon's {@code CAVECHAT_*} variables do.
 */
class SwarmDefaults implements IDefaultValueProvider {
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("--bots", "100"),
            Map.entry("--ramp", "500"),
            Map.entry("--talkers", "0.1"),
            Map.entry("--rate", "100"),
            Map.entry("--message-bytes", "100"),
            Map.entry("--duration", "10s"),
            Map.entry("--warmup", "2s"),
            Map.entry("--drain", "5s"),
            Map.entry("--join-timeout", "10s"),
            Map.entry("--framing", "line"),
            Map.entry("--seed", "1"),
            Map.entry("--max-loss", "0"),
            Map.entry("--max-send-lag", "10ms"),
            Map.entry("--selectors", "2"),
            Map.entry("--source-addresses", "0"),
            Map.entry("--name-prefix", "bot"));

    /** Said under every swarm-like command's help. */
    static final String ENVIRONMENT = "Every option's default can be set in the environment as CAVECHAT_ and its "
            + "name in capitals: CAVECHAT_SERVER, CAVECHAT_BOTS, CAVECHAT_RATE, CAVECHAT_DURATION, "
            + "CAVECHAT_MAX_SEND_LAG, ...";

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String fromEnvironment = environment(variable(option.longestName()));
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment
                : defaults().get(option.longestName());
    }

    /** {@code --max-send-lag} is read from {@code CAVECHAT_MAX_SEND_LAG}. */
    static String variable(String option) {
        return "CAVECHAT_" + option.replaceFirst("^-+", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    /** The process environment; tests hand in their own. */
    String environment(String name) {
        return System.getenv(name);
    }

    Map<String, String> defaults() {
        return DEFAULTS;
    }
}
