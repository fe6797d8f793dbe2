package org.cavechat.it;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Debian machine with systemd as PID 1, in a container of {@link SystemdRoot}'s image, run the way that
 * boots here: every capability but SYS_RESOURCE, seccomp and AppArmor off, the host's cgroup tree (the one
 * bind mount), tmpfs on /run, /run/lock and /tmp, and systemd's own shutdown signal, SIGRTMIN+3
 * ({@code --privileged} does not boot). {@code docker run}'s {@code --security-opt systempaths=unconfined}
 * has no equivalent in the Docker client library (it is the CLI's name for empty MaskedPaths and
 * ReadonlyPaths), and neither systemd nor the hardened service needs it. Ready once systemd says the boot
 * finished with nothing failed. Tests reach it only through the chat port published on the Docker host and
 * through {@code docker exec}; files go in by copy.
 */
final class SystemdContainer extends GenericContainer<SystemdContainer> implements LoggedContainer {
    static final int CHAT_PORT = 33000;
    private static final Duration BOOT = Duration.ofSeconds(120);
    /** Generous: a JVM start takes seconds on a loaded machine. */
    private static final Duration SETTLING = Duration.ofSeconds(60);
    private String name;

    SystemdContainer(String image) {
        super(DockerImageName.parse(image));
        withExposedPorts(CHAT_PORT);
        withTmpFs(Map.of("/run", "rw", "/run/lock", "rw", "/tmp", "rw"));
        withCreateContainerCmdModifier(create -> {
            create.withStopSignal("SIGRTMIN+3");
            create.getHostConfig()
                    .withCapAdd(Capability.ALL)
                    .withCapDrop(Capability.SYS_RESOURCE)
                    .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                    .withCgroupnsMode("host")
                    .withBinds(new Bind("/sys/fs/cgroup", new Volume("/sys/fs/cgroup"), AccessMode.rw));
        });
        waitingFor(Wait.forSuccessfulCommand("systemctl is-system-running --wait").withStartupTimeout(BOOT));
    }

    /** Copies the archive into /root and runs INSTALL.md's install commands there, as root. */
    void install(Distribution distribution) throws IOException, InterruptedException {
        copyFileToContainer(MountableFile.forHostPath(distribution.archive()), "/root/" + distribution.fileName());
        shell("cd /root\n" + InstallGuide.read(distribution.installGuide()).commands("## Install"));
    }

    /** Runs the script with bash, stopping at the first failing command; fails with its output unless it exits 0. */
    String shell(String script) throws IOException, InterruptedException {
        ExecResult result = execInContainer("bash", "-c", "set -euo pipefail\n" + script);
        if (result.getExitCode() != 0) {
            throw new AssertionError("exit " + result.getExitCode() + " from:\n" + script + "\nstdout:\n"
                    + result.getStdout() + "\nstderr:\n" + result.getStderr());
        }
        return result.getStdout();
    }

    /** One property of a unit, as {@code systemctl show --property} gives its value. */
    String property(String unit, String property) throws IOException, InterruptedException {
        return shell("systemctl show --property " + property + " --value " + unit).strip();
    }

    /** Waits, bounded, until the shell condition holds (exits 0): a state that systemd reaches on its own. */
    void await(String what, String condition) {
        Eventually.until(what, SETTLING, () -> {
            try {
                return execInContainer("bash", "-c", condition).getExitCode() == 0 ? 0 : 1;
            } catch (IOException e) {
                throw new AssertionError("cannot look for " + what, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        });
    }

    /** Where clients connect: the chat port as published on the Docker host now (a restart may move it). */
    InetSocketAddress chatAddress() {
        Ports.Binding[] bindings = getDockerClient().inspectContainerCmd(getContainerId()).exec()
                .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(CHAT_PORT));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException("port " + CHAT_PORT + " is not published");
        }
        return new InetSocketAddress(getHost(), Integer.parseInt(bindings[0].getHostPortSpec()));
    }

    /**
     * {@code systemctl reboot}: systemd stops every unit and PID 1 ends, which ends the container; then the
     * container starts again from the same disk, as a machine comes back, and the boot is awaited.
     */
    void reboot() throws IOException, InterruptedException {
        execInContainer("systemctl", "reboot");
        Eventually.until("the machine to halt", BOOT, () -> isRunning() ? 1 : 0);
        getDockerClient().startContainerCmd(getContainerId()).exec();
        getWaitStrategy().waitUntilReady(this);
    }

    @Override
    protected void containerIsStarted(com.github.dockerjava.api.command.InspectContainerResponse info) {
        name = info.getName();
    }

    @Override
    public String describe() {
        return name == null ? "(a systemd machine that never started)" : name;
    }

    /** The journal of the current boot and the failed units, or the container's output when it is down. */
    @Override
    public String log() {
        if (!isRunning()) {
            return getLogs();
        }
        try {
            return shell("systemctl --failed --no-pager; journalctl --boot --no-pager --lines 300 -o short-precise");
        } catch (IOException | AssertionError e) {
            return "cannot read the journal: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while reading the journal";
        }
    }
}
