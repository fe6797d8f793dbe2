package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * One burst used to empty the room (docs/security.md, "One burst empties the room"): a member that wrote
 * thousands of short lines in one write had all of them fanned out into every outbox before anything was
 * written, so every member, readers that read as fast as they can included, passed the 1 MiB outbox budget and
 * was dropped as a slow consumer having received none of it. Now one loop turn fans out a bounded amount before
 * the outboxes are written, and a sender is read no faster than the room reads: every member receives the whole
 * burst in order and nobody is dropped.
 */
class BurstTest {

    @AutoClose
    final RunningServer cave = RunningServer.start();
    private final ExecutorService readers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void aBurstOfShortLinesFromALongNameReachesEveryReaderWholeAndNobodyIsDropped() throws Exception {
        burstIntoARoomOfFour("m".repeat(32), 64 * 1024 / 2);
    }

    @Test
    void aMegabyteBurstFromAOneCharacterNameReachesEveryReaderWholeAndNobodyIsDropped() throws Exception {
        burstIntoARoomOfFour("m", 1024 * 1024 / 2);
    }

    @Test
    void aMemberThatFloodsWithoutReadingIsHeldBackWhileTheRoomTalksOn() throws Exception {
        WireClient flooder = cave.connectWithReceiveBuffer(4096);
        flooder.expect(Notices.GREETING).send("f\n").expect(Notices.welcome("f") + "\n");
        WireClient bob = cave.joinLine("bob");
        Future<?> flood = readers.submit(() -> flooder.send("x\n".repeat(512 * 1024)));

        bob.send("hello\n");
        String line;
        int floodLines = 0;
        while (!(line = bob.readLine()).equals(message("bob", "hello"))) {
            assertEquals(message("f", "x"), line, "after " + floodLines + " lines of the flood");
            floodLines++;
        }

        assertEquals(0, cave.stats().leaves(DisconnectReason.SLOW_CONSUMER));
        assertEquals(2, cave.stats().connectionsOpen());
        flooder.reset(); // Ends the blocked write.
        flood.cancel(true);
    }

    /**
     * A sender and three readers, each reading on its own thread as fast as it can; the sender writes
     * {@code lines} lines {@code x} in one write. Every member, the sender included, must receive all of them.
     */
    private void burstIntoARoomOfFour(String senderName, int lines) throws Exception {
        WireClient sender = cave.joinLine(senderName);
        List<WireClient> members = new ArrayList<>(List.of(sender));
        for (String name : List.of("r1", "r2", "r3")) {
            WireClient reader = cave.joinLine(name);
            for (WireClient earlier : members) {
                earlier.expect(joined(name) + "\n");
            }
            members.add(reader);
        }
        String echo = message(senderName, "x") + "\n";
        List<Future<?>> received = new ArrayList<>();
        for (WireClient member : members) {
            received.add(readers.submit(() -> member.expectRepeated(echo, lines)));
        }

        sender.send("x\n".repeat(lines).getBytes(StandardCharsets.UTF_8));

        for (Future<?> each : received) {
            awaitReader(each);
        }
        assertEquals(0, cave.stats().leaves(DisconnectReason.SLOW_CONSUMER));
        assertEquals(4, cave.stats().connectionsOpen());
    }

    private static void awaitReader(Future<?> reader) throws Exception {
        try {
            reader.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw failed;
        }
    }
}
