package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.QUIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Original defect 5: sockets of dead handlers leaked until {@code accept()} failed at the descriptor limit and
 * the process exited. The server runs in this JVM, so /proc/self/fd counts its descriptors and the test's own:
 * after 1000 join-and-leave cycles, in which the test closes every socket it opened, the count is exactly what
 * it was before.
 */
class DescriptorLeakTest {

    private static final int CYCLES = 1000;
    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void thousandJoinAndLeaveCyclesLeaveTheServerWithTheSameNumberOfDescriptors() {
        assertTrue(Files.isDirectory(OWN_DESCRIPTORS), "this test needs Linux's /proc");
        // Warm up: the first connections load classes (and open their jars) on both sides.
        for (int i = 0; i < 4; i++) {
            oneCycle(i);
        }
        Deadline.awaitEquals("open connections", 0, () -> cave.stats().connectionsOpen());
        long before = openDescriptors();

        for (int i = 0; i < CYCLES; i++) {
            oneCycle(i);
        }

        Deadline.awaitEquals("open connections", 0, () -> cave.stats().connectionsOpen());
        Deadline.awaitEquals("open descriptors", before, DescriptorLeakTest::openDescriptors);
    }

    /** Joins and leaves in each of the four ways a member can go, rotating, and closes the test's socket. */
    private void oneCycle(int i) {
        try (WireClient client = WireClient.connect(cave.port())) {
            client.expect(Notices.GREETING).send("m" + i + "\n").expect(Notices.welcome("m" + i) + "\n");
            switch (i % 4) {
                case 0 -> client.send(QUIT + "\n").expect(QUIT + "\n").expectEof();
                case 1 -> client.halfClose();
                case 2 -> client.reset();
                default -> client.send("bye\n").expect("m" + i + ": bye\n");
            }
        }
    }

    private static long openDescriptors() {
        try (Stream<Path> descriptors = Files.list(OWN_DESCRIPTORS)) {
            return descriptors.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
