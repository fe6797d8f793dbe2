package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Install as a service" commands, run against the built archive in a scratch root. */
class ServiceInstallIT {

    @TempDir
    static Path scratch;

    static ScratchRoot machine;

    @BeforeAll
    static void installAsTheReadmeSays() throws IOException, InterruptedException {
        machine = ScratchRoot.install(scratch);
    }

    @Test
    void readmeNamesTheArchiveThisBuildProduces() throws IOException {
        String archive = "chat-daemon-" + Repository.version() + ".tar.gz";
        assertEquals(archive, Repository.distribution().getFileName().toString());
        assertTrue(Files.readString(Repository.file("README.md")).contains("tar -xzf " + archive + "\n"),
                "README's tar command names " + archive);
    }

    @Test
    void installPutsEveryFileWhereTheUnitsLookForIt() throws IOException {
        UnitFile service = machine.unit("chat-daemon.service");
        assertTrue(Files.isExecutable(machine.path(service.value("Service", "ExecStart"))));
        assertTrue(Files.isRegularFile(machine.path(service.value("Service", "EnvironmentFile"))));
        assertTrue(Files.isRegularFile(machine.path("/opt/cavechat/lib/chat-daemon.jar")));
        assertTrue(Files.isExecutable(machine.path("/opt/cavechat/runtime/bin/java")));
        assertTrue(Files.isRegularFile(machine.path("/etc/systemd/system/chat-daemon.socket")));
    }

    @Test
    void launcherRunsTheDaemonOnTheBundledRuntime() throws IOException, InterruptedException {
        Path launcher = machine.path("/opt/cavechat/bin/chat-daemon");
        String help = Commands.run(scratch, List.of("env", "-i", "PATH=/usr/bin:/bin",
                "CAVECHAT_JAVA_OPTS=-XshowSettings:properties", launcher.toString(), "--help"));
        assertTrue(help.contains("Usage: chat-daemon "), help);
        assertTrue(help.contains("--metrics=[HOST:]PORT"), help);
        // Whatever Java the machine may have, the launcher uses the runtime shipped in the archive.
        assertTrue(help.contains("    java.home = " + machine.path("/opt/cavechat/runtime").toRealPath() + "\n"), help);
    }

    @Test
    void removalCommandsLeaveNothingBehind() throws IOException, InterruptedException {
        Path scratchMachine = Files.createDirectories(scratch.resolve("removal"));
        ScratchRoot installed = ScratchRoot.install(scratchMachine);
        installed.addHostUnits();
        installed.runOffline(List.of("systemctl enable --now chat-daemon.socket chat-daemon.service"));
        List<String> removal = Repository.shellBlock(Repository.file("packaging/INSTALL.md"), "## Stop and remove");

        installed.runOffline(removal);

        for (String gone : List.of("/opt/cavechat", "/etc/cavechat", "/etc/systemd/system/chat-daemon.service",
                "/etc/systemd/system/chat-daemon.socket", "/etc/systemd/system/sockets.target.wants/chat-daemon.socket",
                "/etc/systemd/system/multi-user.target.wants/chat-daemon.service")) {
            assertTrue(Files.notExists(installed.path(gone), java.nio.file.LinkOption.NOFOLLOW_LINKS), gone);
        }
    }

    @Test
    void systemctlCommandsAreReloadThenEnableBothUnits() {
        assertEquals(List.of("systemctl daemon-reload", "systemctl enable --now chat-daemon.socket chat-daemon.service"),
                machine.systemctlCommands());
    }

    @Test
    void bothUnitsCanBeEnabledAndVerifyQuietlyOnTheInstalledMachine() throws IOException, InterruptedException {
        machine.addHostUnits();
        machine.runOffline(machine.systemctlCommands());
        assertTrue(Files.isSymbolicLink(machine.path("/etc/systemd/system/sockets.target.wants/chat-daemon.socket")));
        assertTrue(Files.isSymbolicLink(machine.path("/etc/systemd/system/multi-user.target.wants/chat-daemon.service")));

        String verify = Commands.run(scratch, List.of("systemd-analyze", "verify", "--root=" + machine.root(),
                "chat-daemon.socket", "chat-daemon.service"));
        assertEquals("", verify);
    }
}
