package org.cavechat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both designs of the in-process benchmark must do the same work, or the comparison means nothing. */
class BroadcastCostBenchmarkTest {
    private static long oneBroadcast(String design, String framing) {
        BroadcastCostBenchmark benchmark = new BroadcastCostBenchmark();
        benchmark.members = 10;
        benchmark.design = design;
        benchmark.framing = framing;
        benchmark.joinRoom();
        long written = benchmark.broadcast();
        benchmark.checkDelivered();
        return written;
    }

    @ParameterizedTest
    @ValueSource(strings = {"LINE", "LEGACY"})
    void theOutboxAndTheLockedWritesWriteTheSameBytesToEveryMember(String framing) {
        String terminator = framing.equals("LINE") ? "\n" : "";
        long item = ("m0: " + BroadcastCostBenchmark.PAYLOAD + terminator).length();

        assertEquals(10 * item, oneBroadcast("OUTBOX", framing));
        assertEquals(10 * item, oneBroadcast("LOCKED_WRITES", framing));
    }
}
