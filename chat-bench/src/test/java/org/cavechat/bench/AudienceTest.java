package org.cavechat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cavechat.bots.Framing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmarks' room counts exactly the deliveries the servers make, on both servers and framings. */
class AudienceTest {

    @ParameterizedTest(name = "{0}, {1} framing")
    @CsvSource({"CAVECHAT, LINE", "CAVECHAT, LEGACY", "THREAD_PER_CLIENT, LINE", "THREAD_PER_CLIENT, LEGACY"})
    void everyMessageCountsOnceForEveryMemberAndJoinNoticesNotAtAll(ServerKind kind, Framing framing)
            throws Exception {
        try (ServerKind.Running server = kind.start();
                Audience audience = Audience.join(server.address(), 300, framing)) {
            for (int i = 0; i < 50; i++) {
                audience.send();
            }
            audience.awaitAllBut(0);

            assertEquals(50 * 300, audience.deliveries());
        }
    }
}
