package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine's root in a scratch directory, with the distribution archive installed by running the
 * README's "Install as a service" commands (which must equal INSTALL.md's) with every absolute
 * /opt and /etc path moved under the scratch root. The systemctl commands cannot run without
 * systemd as PID 1; they are kept for the caller, which runs their offline equivalents.
 */
final class ScratchRoot {

    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<=^|\\s)/(opt|etc)/");

    private final Path root;
    private final List<String> systemctlCommands;

    private ScratchRoot(Path root, List<String> systemctlCommands) {
        this.root = root;
        this.systemctlCommands = systemctlCommands;
    }

    /** Installs the built archive under {@code scratch}/root the way a reader of the README would. */
    static ScratchRoot install(Path scratch) throws IOException, InterruptedException {
        List<String> readme = Repository.shellBlock(Repository.file("README.md"), "## Install as a service");
        List<String> installNote = Repository.shellBlock(Repository.file("packaging/INSTALL.md"), "## Install");
        assertEquals(installNote, readme, "README and INSTALL.md must give the same install commands");

        Path root = Files.createDirectories(scratch.resolve("root"));
        Path workDir = Files.createDirectories(scratch.resolve("download"));
        Files.createDirectories(root.resolve("etc/systemd/system"));
        Files.copy(Repository.distribution(), workDir.resolve(Repository.distribution().getFileName()));

        ScratchRoot machine = new ScratchRoot(root, readme.stream().filter(ScratchRoot::isSystemctl).toList());
        machine.run(workDir, readme.stream().filter(command -> !isSystemctl(command)).toList());
        return machine;
    }

    /**
     * Runs commands written for the real machine against this root: paths under /opt and /etc move into it,
     * and systemctl gets {@code --root}, which supports (offline) only enable and disable, without
     * {@code --now}; daemon-reload has nothing to reload offline and is skipped.
     */
    void runOffline(List<String> commands) throws IOException, InterruptedException {
        List<String> offline = new ArrayList<>();
        for (String command : commands) {
            if (command.equals("systemctl daemon-reload")) {
                continue;
            }
            offline.add(isSystemctl(command)
                    ? command.replace("systemctl ", "systemctl --root=" + root + " ").replace(" --now", "")
                    : command);
        }
        run(root, offline);
    }

    private void run(Path workDir, List<String> commands) throws IOException, InterruptedException {
        List<String> script = new ArrayList<>();
        for (String command : commands) {
            script.add(ABSOLUTE_PATH.matcher(command).replaceAll(Matcher.quoteReplacement(root.toString()) + "/$1/"));
        }
        Commands.run(workDir, List.of("bash", "-euo", "pipefail", "-c", String.join("\n", script)));
    }

    private static boolean isSystemctl(String command) {
        return command.startsWith("systemctl ");
    }

    Path root() {
        return root;
    }

    /** Where an absolute path of the installed machine is inside the scratch root. */
    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    List<String> systemctlCommands() {
        return systemctlCommands;
    }

    UnitFile unit(String name) throws IOException {
        return UnitFile.read(path("/etc/systemd/system/" + name));
    }

    /** Makes the host's own units (sysinit.target and the like) visible to systemd-analyze --root. */
    void addHostUnits() throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("usr/lib/systemd"));
        Commands.run(root, List.of("cp", "-a", "/usr/lib/systemd/system", root.resolve("usr/lib/systemd").toString()));
    }
}
