package org.cavechat.it;

import static org.cavechat.it.InstalledService.PATIENCE;
import static org.cavechat.it.InstalledService.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.cavechat.bots.ChatClient;
import org.cavechat.bots.ChatEvent;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens to the installed service over a machine's life under a real systemd: a bad setting fails
 * once, is not retried, and leaves the socket listening, even while clients keep knocking; the journal
 * says why at priority err; the units come back after a reboot; INSTALL.md's removal leaves nothing.
 * The tests run in this order on one machine, the removal last.
 */
@DaemonInDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemdLifecycleIT {
    /** docs/protocol.md: a bad option or value. */
    private static final String USAGE_STATUS = "2";
    /** More knocks than systemd's default start limit (5 starts in 10 s) would allow. */
    private static final int KNOCKS = 7;

    @RegisterExtension
    static final InstalledService chat = new InstalledService();

    @Test
    @Order(1)
    void aBadSettingFailsOnceWithStatus2AndTheNextGoodStartServes() throws IOException, InterruptedException {
        whileASettingIsBad(() -> {
            assertEquals(USAGE_STATUS, chat.service("ExecMainStatus"));
            assertEquals("exit-code", chat.service("Result"));
            assertEquals("failed", chat.service("ActiveState"));
            assertEquals("0", chat.service("NRestarts"), "a configuration error is not retried");
            assertEquals("active", chat.socket("ActiveState"));
            assertEquals("listening", chat.socket("SubState"));
        });
        chat.assertServes("jo");
    }

    @Test
    @Order(2)
    void aFatalStartUpErrorIsInTheJournalAtPriorityErr() throws IOException, InterruptedException {
        whileASettingIsBad(() -> {
            // journald reads the daemon's output on its own schedule, which may end after systemd saw the exit.
            chat.machine().await("the refusal in journalctl -p err", "journalctl --unit " + SERVICE
                    + " --priority err --output cat | grep --quiet \"'lots'\"");
            List<String> errors = chat.journal("err");
            assertTrue(errors.stream().anyMatch(line -> line.contains("'lots'")
                    && line.matches("(?i).*max.connections.*")), "journalctl -p err says which setting: " + errors);
            assertFalse(errors.stream().anyMatch(line -> line.startsWith("READY")), "READY is not an error: " + errors);
            assertTrue(chat.journal("info").stream().anyMatch(line -> line.startsWith("READY listening on ")));
        });
    }

    @Test
    @Order(3)
    void clientsKnockingWhileTheSettingIsBadLeaveTheSocketListening() throws IOException, InterruptedException {
        whileASettingIsBad(() -> {
            for (int knock = 1; knock <= KNOCKS; knock++) {
                // Each connection starts the daemon once more; it fails, and the waiting connection is closed.
                try (Peer knocker = Peer.connect(chat.address())) {
                    knocker.expectEnd();
                }
                assertEquals("active", chat.socket("ActiveState"), "after knock " + knock);
            }
            assertEquals("failed", chat.service("ActiveState"));
            assertEquals("0", chat.service("NRestarts"));
        });
        chat.assertServes("kim");
    }

    @Test
    @Order(4)
    void afterARebootBothUnitsAreBackEnabledAndServing() throws IOException, InterruptedException {
        try (ChatClient lee = chat.join("lee")) {
            chat.machine().reboot();
            assertEquals(new ChatEvent.ShutdownNotice(), lee.next(PATIENCE), "the reboot stopped the daemon gracefully");
            assertEquals(new ChatEvent.EndOfStream(), lee.next(PATIENCE));
        }
        assertEquals("enabled\nenabled\n", chat.systemctl("is-enabled chat-daemon.socket " + SERVICE));
        assertEquals("active\nactive\n", chat.systemctl("is-active chat-daemon.socket " + SERVICE));
        chat.assertServes("max");
    }

    @Test
    @Order(5)
    void removalWithInstallMdsCommandsLeavesNothingBehind() throws IOException, InterruptedException {
        chat.shell(InstallGuide.read(Distribution.built().installGuide()).commands("## Stop and remove"));

        assertEquals("", chat.shell("systemctl list-unit-files --no-legend 'chat-daemon*' || true"));
        assertEquals("inactive\ninactive\n", chat.shell("systemctl is-active chat-daemon.socket " + SERVICE + " || true"));
        assertEquals("", chat.shell("ls -d /opt/cavechat /etc/cavechat /etc/systemd/system/chat-daemon.* "
                + "/etc/systemd/system/*/chat-daemon.* 2>/dev/null || true"));
        assertEquals("1\n", chat.shell("nc -z 127.0.0.1 33000 || echo $?"), "nothing listens on 33000");
    }

    /**
     * Sets a value the daemon refuses, restarts, waits until systemd has settled the failure, runs the checks,
     * and puts the shipped settings back, as an operator fixes the file.
     */
    private static void whileASettingIsBad(Checks checks) throws IOException, InterruptedException {
        chat.set("CAVECHAT_MAX_CONNECTIONS", "lots");
        try {
            // Type=exec: restart returns once the daemon is started; the refusal comes after.
            chat.systemctl("restart " + SERVICE);
            chat.awaitFailedStart();
            checks.run();
        } finally {
            chat.restoreSettings();
        }
    }

    /** Assertions that talk to the machine. */
    @FunctionalInterface
    private interface Checks {
        void run() throws IOException, InterruptedException;
    }
}
