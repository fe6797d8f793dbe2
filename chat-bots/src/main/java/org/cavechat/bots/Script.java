package org.cavechat.bots;

import java.util.List;

/**
 * A parsed conversation script: where it came from, its title (the first comment line), the
 * protocol rows it says it covers ({@code # covers:} lines), and its steps in order.
 */
record Script(String file, String title, String covers, List<Step> steps) {

    Script {
        steps = List.copyOf(steps);
    }

    /** True when every bot of the script connects in legacy framing (the original server's only one). */
    boolean legacyOnly() {
        return steps.stream().noneMatch(step -> step instanceof Step.Connect connect
                && connect.framing() == Framing.LINE);
    }

    /** The framings the script's bots use, for the conformance table. */
    String framings() {
        boolean line = !legacyOnly();
        boolean legacy = steps.stream().anyMatch(step -> step instanceof Step.Connect connect
                && connect.framing() == Framing.LEGACY);
        return legacy && line ? "mixed" : line ? "line" : "legacy";
    }
}
