package org.cavechat.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker image of a Debian bookworm machine with systemd as its init, for the tests that run the daemon
 * as a service. {@code src/test/systemd/systemd-root} builds it once with debootstrap (no registry is
 * reachable) and keeps it; each test JVM asks once. Where debootstrap is missing and no image is kept, the
 * tests are skipped with a message, except in CI, where that fails the build.
 */
final class SystemdRoot {
    private static final String SCRIPT_PROPERTY = "cavechat.systemd.root.script";
    /** The script's status for "cannot build here": debootstrap is missing. */
    private static final int CANNOT_BUILD = 3;
    /** debootstrap takes about a minute on a quiet machine, several on a busy one. */
    private static final long DEADLINE_MINUTES = 15;
    private static String image;

    private SystemdRoot() {}

    /** The image's name, built on the first call in this JVM if the machine keeps none. */
    static synchronized String image() throws IOException, InterruptedException {
        if (image == null) {
            image = build();
        }
        return image;
    }

    private static String build() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty(SCRIPT_PROPERTY, "src/test/systemd/systemd-root")).toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("No script at " + script + " to build the systemd root with");
        }
        // Progress and debootstrap's failures go to the build log; the image name alone comes on stdout.
        Process process = new ProcessBuilder(List.of("bash", script.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(DEADLINE_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within " + DEADLINE_MINUTES + " minutes");
        }
        int status = process.exitValue();
        if (status == CANNOT_BUILD && !DockerRequirement.inContinuousIntegration()) {
            String reason = "SKIPPED: the tests under systemd need debootstrap once, to build their Debian root "
                    + "(apt-get install debootstrap); CI installs it (see .ci/run).";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        if (status != 0 || output.isEmpty()) {
            throw new IllegalStateException(script + " failed with status " + status + "; its output is above");
        }
        return output.lines().reduce((first, last) -> last).orElseThrow();
    }
}
