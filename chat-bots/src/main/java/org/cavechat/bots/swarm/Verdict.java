package org.cavechat.bots.swarm;

import org.cavechat.bots.Main;

/**
 * What a run says about the server. INVALID outranks the others: when the load was not offered as asked
 * (the generator fell behind its schedule, or bots could not join), latency and loss were measured under a
 * different load than the one named, so the run neither passes nor fails the server.
 */
enum Verdict {
    PASS(Main.OK),
    FAIL(Main.FAILED),
    INVALID(Main.INVALID);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
