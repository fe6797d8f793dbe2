package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;

/**
 * The memory attacks of docs/security.md against the image in a container limited to 256 MB, its JVM sized to
 * it: the daemon never runs out of memory, keeps serving a bystander pair (every probe arrives complete and in
 * order, round trip under 100 ms at p99), and its live heap returns to its idle level afterwards.
 */
@DaemonInDocker
class HostileLoadIT {
    private static final long MEMORY_LIMIT = 256L * 1024 * 1024;
    /** What may stay on the heap after an attack: caches warmed by it, nothing that grows with its size. */
    private static final long HEAP_SLACK_BYTES = 4L * 1024 * 1024;
    private static final double MAX_P99_MILLIS = 100;

    @Container
    final CaveChatContainer daemon = new CaveChatContainer().withMemoryLimit(MEMORY_LIMIT);

    @Test
    void aBurstDoesNotEvictReadersInTheMemoryLimitedContainer() throws Exception {
        InetSocketAddress server = daemon.chatAddress();
        Bystanders pair = Bystanders.start(server);
        int lines = 512 * 1024;
        List<Peer> room = new ArrayList<>();
        room.add(Peer.lineMember(server, "m"));
        for (String name : List.of("r1", "r2", "r3")) {
            room.add(Peer.lineMember(server, name));
        }
        ExecutorService readers = Executors.newFixedThreadPool(room.size());
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (Peer member : room) {
                counts.add(readers.submit(() -> countBurstLines(member, lines)));
            }
            room.getFirst().send("x\n".repeat(lines).getBytes(StandardCharsets.UTF_8));
            for (Future<Integer> count : counts) {
                assertEquals(lines, count.get(), "burst lines a member received, in order");
            }
        } finally {
            readers.shutdownNow();
        }
        pair.stop();
        assertServedAndAlive(pair);
        for (Peer member : room) {
            member.close();
        }
    }

    @Test
    void shortConnectionsBehindASilentOneDoNotGrowTheHeap() throws Exception {
        InetSocketAddress server = daemon.chatAddress();
        Peer silent = Peer.connect(server);
        silent.expect(ServerText.GREETING);
        long idle = daemon.liveHeapBytes();
        Bystanders pair = Bystanders.start(server);
        for (int i = 0; i < 20_000; i++) {
            try (Socket visitor = new Socket()) {
                visitor.setSoLinger(true, 0); // A reset: no TIME_WAIT on this side, so ports are not exhausted.
                visitor.connect(server);
                visitor.getInputStream().readNBytes(ServerText.GREETING.length());
            }
        }
        pair.stop();
        assertServedAndAlive(pair);
        pair.close();
        assertHeapBackTo(idle);
        silent.close();
    }

    @Test
    void threeHundredDeafClientsSendingInvalidNamesDoNotExhaustTheMemoryLimitedContainer() throws Exception {
        InetSocketAddress server = daemon.chatAddress();
        long idle = daemon.liveHeapBytes();
        Bystanders pair = Bystanders.start(server);
        byte[] invalidNames = ":\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        List<Peer> deaf = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Peer client = Peer.connect(server, 4096);
            client.send(invalidNames);
            deaf.add(client);
        }
        pair.stop();
        assertServedAndAlive(pair);
        pair.close();
        for (Peer client : deaf) {
            client.reset();
        }
        assertHeapBackTo(idle);
    }

    /** Reads the members' copies of the burst, skipping other lines, and counts them; any gap fails. */
    private static int countBurstLines(Peer member, int lines) throws IOException {
        String burstLine = ServerText.message("m", "x");
        int seen = 0;
        while (seen < lines) {
            String line = member.readLine();
            if (line.equals(burstLine)) {
                seen++;
            } else if (!line.startsWith(ServerText.message("alice", "probe ")) && !line.endsWith("has joined the chat!")) {
                throw new AssertionError("after " + seen + " burst lines: " + line);
            }
        }
        return seen;
    }

    private void assertServedAndAlive(Bystanders pair) throws InterruptedException {
        assertNull(pair.failure(), "the bystanders were not served as promised");
        double p99 = pair.roundTripMillis(99);
        System.out.printf("bystanders: %d probes, round trip p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", pair.probes(),
                pair.roundTripMillis(50), p99, pair.roundTripMillis(100));
        assertTrue(p99 < MAX_P99_MILLIS, "bystander round trip p99 " + p99 + " ms");
        var state = daemon.getDockerClient().inspectContainerCmd(daemon.getContainerId()).exec().getState();
        assertFalse(Boolean.TRUE.equals(state.getOOMKilled()), "the daemon was killed for lack of memory");
        assertEquals(Boolean.TRUE, state.getRunning(), "the daemon still runs");
        assertFalse(daemon.log().contains("OutOfMemoryError") || daemon.log().contains("out of memory"),
                "the daemon ran out of memory");
    }

    /** The live heap, once every connection of the attack is gone, is back within a few MB of its idle level. */
    private void assertHeapBackTo(long idle) throws Exception {
        long after = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 50 && after > idle + HEAP_SLACK_BYTES; attempt++) {
            after = daemon.liveHeapBytes(); // Closes are seen a turn later; a few collections may be needed.
        }
        System.out.printf("live heap: idle %d KiB, after the attack %d KiB%n", idle >> 10, after >> 10);
        assertTrue(after <= idle + HEAP_SLACK_BYTES, "live heap " + (after >> 10) + " KiB after the attack, "
                + (idle >> 10) + " KiB idle");
    }
}
