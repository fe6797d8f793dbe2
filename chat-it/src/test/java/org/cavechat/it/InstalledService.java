package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.cavechat.bots.ChatClient;
import org.cavechat.bots.ChatEvent;
import org.cavechat.bots.Framing;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The daemon as a systemd service on a {@link SystemdContainer}: chat-daemon.socket and chat-daemon.service
 * installed by INSTALL.md's commands, its settings in /etc/cavechat/chat-daemon.env, its members reached
 * through the published chat port with the bots' client. Registered as a static extension, it boots a
 * machine and installs the service before a test class's tests, and removes the machine after them.
 */
final class InstalledService implements BeforeAllCallback, AfterAllCallback, LoggedContainer {
    static final String SERVICE = "chat-daemon.service";
    static final String SOCKET = "chat-daemon.socket";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SETTINGS = "/etc/cavechat/chat-daemon.env";
    /** The environment file as shipped, which INSTALL.md copies to {@link #SETTINGS}. */
    private static final String SHIPPED_SETTINGS = "/opt/cavechat/etc/chat-daemon.env";
    private SystemdContainer machine;

    /** Boots a machine and installs the archive on it as INSTALL.md says. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        machine = new SystemdContainer(SystemdRoot.image());
        machine.start();
        machine.install(Distribution.built());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (machine != null) {
            machine.stop();
        }
    }

    /** The machine the service is installed on, for what an operator does beyond the service. */
    SystemdContainer machine() {
        return machine;
    }

    @Override
    public String describe() {
        return machine == null ? "(no machine was booted)" : machine.describe();
    }

    @Override
    public String log() {
        return machine == null ? "" : machine.log();
    }

    /** Runs a shell script on the machine as root; fails with its output unless it exits 0. */
    String shell(String script) throws IOException, InterruptedException {
        return machine.shell(script);
    }

    /** Where clients connect: the socket unit's port as published on the Docker host. */
    InetSocketAddress address() {
        return machine.chatAddress();
    }

    /** Runs {@code systemctl} with these arguments; fails unless it exits 0. */
    String systemctl(String arguments) throws IOException, InterruptedException {
        return machine.shell("systemctl " + arguments);
    }

    String service(String property) throws IOException, InterruptedException {
        return machine.property(SERVICE, property);
    }

    String socket(String property) throws IOException, InterruptedException {
        return machine.property(SOCKET, property);
    }

    /** The daemon's process, started first if it is not running. */
    long pid() throws IOException, InterruptedException {
        systemctl("start " + SERVICE);
        return Long.parseLong(service("MainPID"));
    }

    /** Sets one setting in the environment file; takes effect at the next start. */
    void set(String key, String value) throws IOException, InterruptedException {
        machine.shell("sed -i 's/^" + key + "=.*/" + key + "=" + value + "/' " + SETTINGS + "\ngrep -x '" + key
                + "=" + value + "' " + SETTINGS);
    }

    /** Puts the shipped settings back, as INSTALL.md installed them; they take effect at the next start. */
    void restoreSettings() throws IOException, InterruptedException {
        machine.shell("cp " + SHIPPED_SETTINGS + " " + SETTINGS);
    }

    /**
     * Waits until the last start has ended in a failure: either the service failed for good, or systemd
     * scheduled a restart. Nothing is in between: an exit that is retried never shows as failed.
     */
    void awaitFailedStart() {
        machine.await("the start of " + SERVICE + " to fail", "[ \"$(systemctl show -P ActiveState " + SERVICE
                + ")\" = failed ] || [ \"$(systemctl show -P NRestarts " + SERVICE + ")\" != 0 ]");
    }

    /** What the journal holds for the service at this priority or more urgent, one message a line. */
    List<String> journal(String priority) throws IOException, InterruptedException {
        return machine.shell("journalctl --unit " + SERVICE + " --priority " + priority + " --output cat --no-pager")
                .lines().toList();
    }

    /** A member joins through the published port and receives the echo of what it says: the service serves. */
    void assertServes(String name) throws IOException {
        try (ChatClient member = join(name)) {
            member.send("hello from " + name);
            assertEquals(new ChatEvent.Message(name, "hello from " + name), member.next(PATIENCE));
        }
    }

    /** A member joined through the published port, in line framing, its greeting and welcome read. */
    ChatClient join(String name) throws IOException {
        ChatClient client = ChatClient.connect(address(), Framing.LINE, PATIENCE);
        assertEquals(ServerText.GREETING, client.readGreeting(PATIENCE).item());
        assertEquals(ServerText.welcome(name), client.join(name, PATIENCE).item());
        return client;
    }
}
