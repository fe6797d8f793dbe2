package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed daemon under the unit's conditions (its ExecStart, its EnvironmentFile, JOURNAL_STREAM, the
 * socket on stdin), stopped the way systemctl stop stops it: SIGTERM.
 */
class ServiceStopIT {
    private static final Pattern JOURNAL_LINE = Pattern.compile("<[0-7]>.*");

    @TempDir
    Path scratch;

    @Test
    void sigtermTellsClientsGoodbyeAndExitsWithTheStatusTheUnitCountsAsSuccess() throws Exception {
        ScratchRoot machine = ScratchRoot.install(scratch);
        try (ActivatedService service = ActivatedService.listen(machine);
                WireClient alice = WireClient.connect(service.port())) {
            alice.expect(Notices.GREETING).send("alice\n").expect(Notices.welcome("alice") + "\n");
            // A line over CAVECHAT_MAX_LINE_BYTES (4096 in the environment file): an event of one connection, which
            // the environment file's level (info) does not log.
            alice.send("x".repeat(5000) + "\n").expect(Notices.lineTooLong(4096) + "\n");

            int status = service.stop();

            alice.expect(Notices.SHUTDOWN + "\n").expectEof();
            assertEquals(143, status);
            assertEquals(String.valueOf(status), machine.unit("chat-daemon.service").value("Service", "SuccessExitStatus"));
            assertJournalLines(service.stdout().all(), service.port());
        }
    }

    /**
     * Every log line carries its syslog priority; only the READY line, meant for people and scripts, has none. At
     * the level info, nothing is logged about single connections: neither alice's join nor her long line.
     */
    private static void assertJournalLines(List<String> stdout, int port) {
        List<String> unprefixed = stdout.stream().filter(line -> !JOURNAL_LINE.matcher(line).matches()).toList();
        assertEquals(List.of("READY listening on 127.0.0.1:" + port), unprefixed, String.join("\n", stdout));
        List<String> notInformational = stdout.stream().filter(line -> line.matches("<[0-5]>.*")).toList();
        assertEquals(List.of(), notInformational, String.join("\n", stdout));
        assertTrue(stdout.stream().noneMatch(line -> line.contains("#1")), String.join("\n", stdout));
        assertTrue(stdout.stream().noneMatch(line -> line.contains("metrics at")), "metrics are off by default");
        assertTrue(stdout.contains("<6>shutting down: telling 1 connections"), String.join("\n", stdout));
        assertEquals("<6>shutdown complete; 0 connections were cut at the grace deadline", stdout.getLast());
    }
}
