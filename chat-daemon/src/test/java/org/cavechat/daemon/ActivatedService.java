package org.cavechat.daemon;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The installed daemon started the way chat-daemon.service starts it, minus systemd itself:
 * systemd-socket-activate plays chat-daemon.socket (it listens, and starts the service on the
 * first connection), a shell puts the socket on stdin as StandardInput=socket does (keeping fd 3
 * as systemd does), and the service runs the unit's exact ExecStart with only the unit's
 * environment: systemd's PATH, the EnvironmentFile's variables and JOURNAL_STREAM (which
 * StandardOutput=journal sets). Its stdout, which the journal would read, is collected.
 */
final class ActivatedService implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Process process;
    private final int port;
    private final StreamLines stdout;
    private final StreamLines stderr;

    private ActivatedService(Process process, int port) {
        this.process = process;
        this.port = port;
        this.stdout = StreamLines.of(process.getInputStream(), "service-stdout");
        this.stderr = StreamLines.of(process.getErrorStream(), "service-stderr");
    }

    /**
     * Listens on a free loopback port; the daemon itself starts when the first client connects. A port taken
     * between probing and binding makes systemd-socket-activate exit at once; then another port is tried.
     */
    static ActivatedService listen(ScratchRoot machine) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            ActivatedService started = listenOn(machine, freePort());
            try {
                started.stderr.await(line -> line.startsWith("Listening on"), DEADLINE);
                return started;
            } catch (AssertionError portTaken) {
                started.close();
                if (attempt == 3) {
                    throw portTaken;
                }
            }
        }
    }

    private static ActivatedService listenOn(ScratchRoot machine, int port) throws IOException {
        UnitFile service = machine.unit("chat-daemon.service");
        Map<String, String> environment = EnvironmentFile.read(machine.path(service.value("Service", "EnvironmentFile")));
        String execStart = machine.path(service.value("Service", "ExecStart")).toString();

        List<String> command = new ArrayList<>(List.of("systemd-socket-activate", "--listen=127.0.0.1:" + port));
        environment.forEach((key, value) -> command.add("--setenv=" + key + "=" + value));
        command.add("--setenv=JOURNAL_STREAM=8:4242");
        command.addAll(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" 0<&3", execStart));

        ProcessBuilder builder = new ProcessBuilder(command).directory(machine.root().toFile());
        builder.environment().clear();
        builder.environment().put("PATH", SYSTEMD_PATH);
        ActivatedService started = new ActivatedService(builder.start(), port);
        started.process.getOutputStream().close();
        return started;
    }

    int port() {
        return port;
    }

    StreamLines stdout() {
        return stdout;
    }

    StreamLines stderr() {
        return stderr;
    }

    /** Sends SIGTERM, as systemctl stop does, and returns the exit status once stdout has ended too. */
    int stop() throws InterruptedException {
        // Not Process.destroy(): it also closes our end of the child's stdout, losing the last log lines.
        process.toHandle().destroy();
        if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service did not exit within " + DEADLINE + " of SIGTERM");
        }
        stdout.awaitEnd(DEADLINE);
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** A port that was free a moment ago; good enough on a loopback test machine. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
