package org.cavechat.bots.swarm;

/**
 * A run that could not happen at all (nothing could connect or join), with the exit status and the one
 * line that says why. Not for a run that happened and went badly: that one gets a report.
 */
final class SwarmAbort extends Exception {
    private final int exitCode;

    SwarmAbort(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
