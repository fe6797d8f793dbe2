package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;

/**
 * The burst of HostileLoadIT with {@code --max-message-rate 1000}: the flooder is read at a thousand messages a
 * second, so the bystander pair no longer waits behind its burst (docs/security.md, "One burst empties the
 * room"). The pair's round trips are printed; the test asserts that every probe arrived in order and that the
 * flood was held back.
 */
@DaemonInDocker
class RateLimitedBurstIT {
    private static final long MEMORY_LIMIT = 256L * 1024 * 1024;
    private static final int BURST_LINES = 512 * 1024;
    private static final long TALK_MILLIS = 2_000;

    @Container
    final CaveChatContainer daemon = new CaveChatContainer("--max-message-rate", "1000").withMemoryLimit(MEMORY_LIMIT);

    @Test
    void withAMessageRateTheBystandersTalkOnThroughABurst() throws Exception {
        InetSocketAddress server = daemon.chatAddress();
        Bystanders pair = Bystanders.start(server);
        Peer flooder = Peer.lineMember(server, "m");
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            // The write blocks once the daemon stops reading the flooder: TCP pushes back on it.
            sender.submit(() -> {
                flooder.send("x\n".repeat(BURST_LINES).getBytes(StandardCharsets.UTF_8));
                return null;
            });
            Thread.sleep(TALK_MILLIS); // The pair talks on while the flood waits; a measuring window, not a sync.
            pair.stop();
        } finally {
            flooder.reset();
            sender.shutdownNow();
        }
        assertNull(pair.failure(), "the bystanders were not served as promised");
        System.out.printf("bystanders with --max-message-rate 1000: %d probes, round trip p50 %.2f ms, "
                + "p99 %.2f ms, max %.2f ms; flood lines they read %d of %d%n", pair.probes(),
                pair.roundTripMillis(50), pair.roundTripMillis(99), pair.roundTripMillis(100), pair.otherLines(true),
                BURST_LINES);
        assertTrue(pair.otherLines(true) < BURST_LINES / 10, "the flood was not held back");
        var state = daemon.getDockerClient().inspectContainerCmd(daemon.getContainerId()).exec().getState();
        assertFalse(Boolean.TRUE.equals(state.getOOMKilled()), "the daemon was killed for lack of memory");
        pair.close();
    }
}
