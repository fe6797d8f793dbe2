package org.cavechat.bots.swarm;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code swarm} command's defaults: a modest load against a server somebody else started. Loss is
 * not tolerated unless asked for ({@code --max-loss 0}): exactly-once delivery is the chat's contract.
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

    @Override
    public String defaultValue(ArgSpec argSpec) {
        return argSpec instanceof OptionSpec option ? defaults().get(option.longestName()) : null;
    }

    Map<String, String> defaults() {
        return DEFAULTS;
    }
}
