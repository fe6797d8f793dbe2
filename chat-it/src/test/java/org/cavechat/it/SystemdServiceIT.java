package org.cavechat.it;

import static org.cavechat.it.InstalledService.PATIENCE;
import static org.cavechat.it.InstalledService.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.cavechat.bots.ChatClient;
import org.cavechat.bots.ChatEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The daemon installed by INSTALL.md's commands on a Debian machine under a real systemd, checked the way
 * an operator and its clients see it: socket activation, a conversation, the transient user and the
 * hardening of the running process, stop and restart with the goodbye, metrics, and a flight recording
 * taken as INSTALL.md says. Each test leaves the shipped settings in place and the socket listening.
 */
@DaemonInDocker
class SystemdServiceIT {
    /** systemd's range for DynamicUser= (systemd.exec(5)). */
    private static final long FIRST_DYNAMIC_UID = 61184;
    private static final long LAST_DYNAMIC_UID = 65519;
    private static final String NO_CAPABILITIES = "0000000000000000";

    @RegisterExtension
    static final InstalledService chat = new InstalledService();

    @Test
    void installEnablesBothUnitsAndTheSocketListensOnTheChatPort() throws IOException, InterruptedException {
        assertEquals("enabled\nenabled\n", chat.systemctl("is-enabled chat-daemon.socket " + SERVICE));
        assertEquals("active", chat.socket("ActiveState"));
        assertEquals("[::]:33000 (Stream)", chat.socket("Listen"));
    }

    @Test
    void aClientConnectingStartsTheStoppedService() throws IOException, InterruptedException {
        chat.systemctl("stop " + SERVICE);
        assertEquals("inactive", chat.service("ActiveState"));
        assertEquals("listening", chat.socket("SubState"));

        try (ChatClient dana = chat.join("dana")) {
            assertEquals("active", chat.service("ActiveState"));
            assertEquals("running", chat.socket("SubState"));
        }
    }

    @Test
    void membersOfBothFramingsConverseInTheProtocolsExactBytes() throws IOException {
        try (Peer alice = Peer.legacyMember(chat.address(), "alice"); ChatClient bob = chat.join("bob")) {
            alice.expect(ServerText.joined("bob"));
            bob.send("hello from bob");
            alice.expect(ServerText.message("bob", "hello from bob"));
            assertEquals(new ChatEvent.Message("bob", "hello from bob"), bob.next(PATIENCE));

            alice.send(ServerText.QUIT);
            alice.expect(ServerText.QUIT);
            alice.expectEnd();
            assertEquals(new ChatEvent.Left("alice"), bob.next(PATIENCE));
        }
    }

    @Test
    void theDaemonRunsAsATransientUserThatIsNotRoot() throws IOException, InterruptedException {
        long pid = chat.pid();
        List<String> uids = List.of(chat.shell("grep '^Uid:' /proc/" + pid + "/status").strip().split("\\s+"));
        String uid = uids.get(1);
        assertEquals(List.of("Uid:", uid, uid, uid, uid), uids, "real, effective, saved and file system user");
        long number = Long.parseLong(uid);
        assertTrue(number >= FIRST_DYNAMIC_UID && number <= LAST_DYNAMIC_UID, uid + " is a dynamic user");
        assertEquals(uid, chat.service("UID"));
        assertEquals("chat-daemon", chat.shell("getent passwd " + uid).split(":")[0]);
    }

    @Test
    void theRunningDaemonHasNoPrivilegesNoCapabilitiesAndASystemCallFilter() throws IOException, InterruptedException {
        long pid = chat.pid();
        String status = chat.shell("grep -E '^(NoNewPrivs|Seccomp|Cap[A-Za-z]+):' /proc/" + pid + "/status");
        assertEquals("CapInh:\t" + NO_CAPABILITIES + "\nCapPrm:\t" + NO_CAPABILITIES + "\nCapEff:\t" + NO_CAPABILITIES
                + "\nCapBnd:\t" + NO_CAPABILITIES + "\nCapAmb:\t" + NO_CAPABILITIES + "\nNoNewPrivs:\t1\nSeccomp:\t2\n",
                status);
        String root = chat.shell("awk '$5 == \"/\" { print $6 }' /proc/" + pid + "/mountinfo");
        assertTrue(root.startsWith("ro,"), "the daemon sees / read-only: " + root);
    }

    @Test
    void stoppingTellsEveryMemberGoodbyeAndStatus143CountsAsSuccess() throws IOException, InterruptedException {
        try (ChatClient erin = chat.join("erin")) {
            chat.systemctl("stop " + SERVICE);
            assertEquals(new ChatEvent.ShutdownNotice(), erin.next(PATIENCE));
            assertEquals(new ChatEvent.EndOfStream(), erin.next(PATIENCE));
        }
        assertEquals("143", chat.service("ExecMainStatus"));
        assertEquals("success", chat.service("Result"));
        assertEquals("inactive", chat.service("ActiveState"));
        assertEquals("listening", chat.socket("SubState"));
    }

    @Test
    void restartSaysGoodbyeAndServesAgainFromANewProcess() throws IOException, InterruptedException {
        long before = chat.pid();
        try (ChatClient frank = chat.join("frank")) {
            chat.systemctl("restart " + SERVICE);
            assertEquals(new ChatEvent.ShutdownNotice(), frank.next(PATIENCE));
            assertEquals(new ChatEvent.EndOfStream(), frank.next(PATIENCE));
        }
        long after = Long.parseLong(chat.service("MainPID"));
        assertNotEquals(0, after);
        assertNotEquals(before, after);
        chat.assertServes("gina");
    }

    @Test
    void metricsTurnedOnInTheEnvironmentFileAreServedOnLoopback() throws IOException, InterruptedException {
        chat.set("CAVECHAT_METRICS", "33001");
        try {
            chat.systemctl("restart " + SERVICE);
            try (ChatClient hal = chat.join("hal")) {
                hal.send("counted");
                assertEquals(new ChatEvent.Message("hal", "counted"), hal.next(PATIENCE));
                // curl waits, bounded, for the endpoint to listen: the daemon opens it as it starts.
                List<String> metrics = chat.shell("curl --fail --silent --show-error --retry 30 "
                        + "--retry-connrefused --retry-delay 1 http://127.0.0.1:33001/metrics").lines().toList();
                // The Prometheus client writes every sample as a floating-point number.
                assertTrue(metrics.contains("cavechat_joins_total 1.0"), String.join("\n", metrics));
                assertTrue(metrics.contains("cavechat_messages_in_total 1.0"), String.join("\n", metrics));
            }
        } finally {
            chat.restoreSettings();
            chat.systemctl("restart " + SERVICE);
        }
    }

    @Test
    void aFlightRecordingIsTakenAsInstallMdSays() throws IOException, InterruptedException {
        InstallGuide guide = InstallGuide.read(Distribution.built().installGuide());
        chat.pid();
        chat.shell("cd /root\n" + guide.commands("### Start a recording"));
        try (ChatClient ivy = chat.join("ivy")) {
            ivy.send("on the record");
            assertEquals(new ChatEvent.Message("ivy", "on the record"), ivy.next(PATIENCE));
        }
        String summary = chat.shell("cd /root\n" + guide.commands("### Save it"));

        assertTrue(summary.lines().anyMatch(line -> line.matches(" *jdk\\.JVMInformation +1 +\\d+ *")), summary);
        assertEquals("root 600\n", chat.shell("stat --format '%U %a' /root/chat-daemon.jfr"));
        assertEquals("", chat.shell("ls /proc/" + chat.pid() + "/root/tmp/ | grep '\\.jfr$' || true"),
                "the recording is not left in the service's /tmp");
    }
}
