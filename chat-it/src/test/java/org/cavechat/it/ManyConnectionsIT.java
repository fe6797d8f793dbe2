package org.cavechat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;

/** Thousands of connections in a small container: all welcomed, and one broadcast reaches every one. */
@DaemonInDocker
class ManyConnectionsIT {
    private static final int CONNECTIONS = 5000;
    private static final long MEMORY_LIMIT = 256L * 1024 * 1024;

    @Container
    final CaveChatContainer daemon = new CaveChatContainer().withMemoryLimit(MEMORY_LIMIT);

    @Test
    void fiveThousandConnectionsInA256MegabyteContainerAreAllWelcomedAndReachedByOneBroadcast()
            throws IOException, InterruptedException {
        try (Crowd crowd = Crowd.join(daemon.chatAddress(), "bot", CONNECTIONS)) {
            assertEquals(CONNECTIONS, crowd.welcomed(), "members welcomed");
            crowd.sendLine(CONNECTIONS - 1, "hello, everyone");
            String hello = ServerText.message("bot" + (CONNECTIONS - 1), "hello, everyone");
            assertEquals(CONNECTIONS, crowd.awaitEveryone(hello), "members that received the broadcast");
            assertEquals(0, crowd.ended(), "connections the server ended");
        }
        System.out.printf("%d connections: peak memory of the daemon's container %d MiB of %d MiB%n", CONNECTIONS,
                daemon.peakMemoryBytes() >> 20, MEMORY_LIMIT >> 20);
        var state = daemon.getDockerClient().inspectContainerCmd(daemon.getContainerId()).exec().getState();
        assertFalse(Boolean.TRUE.equals(state.getOOMKilled()), "the daemon was killed for lack of memory");
        assertEquals(Boolean.TRUE, state.getRunning(), "the daemon still runs");
    }
}
