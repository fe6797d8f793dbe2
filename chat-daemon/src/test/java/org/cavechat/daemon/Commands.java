package org.cavechat.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short external commands (tar, cp, systemd-analyze) to completion and returns what they printed. */
final class Commands {

    private static final long DEADLINE_SECONDS = 120;

    private Commands() {}

    /** Runs the command in the directory; fails with its output unless it exits 0. Returns stdout and stderr merged. */
    static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + DEADLINE_SECONDS + "s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("exit " + process.exitValue() + " from " + command + ":\n" + output);
        }
        return output;
    }
}
