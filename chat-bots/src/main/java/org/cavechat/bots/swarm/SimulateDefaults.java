package org.cavechat.bots.swarm;

import java.util.HashMap;
import java.util.Map;

/** The {@code simulate} command's defaults: a few hundred bots for about 20 seconds, with a report. */
final class SimulateDefaults extends SwarmDefaults {
    private static final Map<String, String> DEFAULTS = simulateDefaults();

    @Override
    Map<String, String> defaults() {
        return DEFAULTS;
    }

    private static Map<String, String> simulateDefaults() {
        Map<String, String> defaults = new HashMap<>(new SwarmDefaults().defaults());
        defaults.put("--bots", "300");
        defaults.put("--ramp", "1000");
        defaults.put("--rate", "100");
        defaults.put("--duration", "15s");
        defaults.put("--warmup", "3s");
        defaults.put("--report", "cavechat-report");
        // A demonstration runs on whatever machine a newcomer has, often busy: it is INVALID only when the
        // generator falls clearly behind, not at the first scheduling hiccup.
        defaults.put("--max-send-lag", "50ms");
        return Map.copyOf(defaults);
    }
}
