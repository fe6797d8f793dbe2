package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line a report records is the one that was typed, the command's name once. */
class RunMetadataTest {

    @Test
    void theCommandsNameIsRecordedOnceWhetherOrNotPicocliKeptItWithTheArguments() {
        assertEquals("chat-bots simulate --duration 2s",
                RunMetadata.now("simulate", List.of("simulate", "--duration", "2s")).commandLine());
        assertEquals("chat-bots swarm --rate 5", RunMetadata.now("swarm", List.of("--rate", "5")).commandLine());
        assertEquals("chat-bots simulate", RunMetadata.now("simulate", List.of("simulate")).commandLine());
    }
}
