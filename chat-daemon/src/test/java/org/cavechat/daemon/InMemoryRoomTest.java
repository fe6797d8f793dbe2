package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The seam the in-process benchmark measures through: a real room over in-memory sockets. */
class InMemoryRoomTest {
    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aLineBroadcastWritesTheSendersLineOnceToEveryMemberIncludingTheSender() {
        InMemoryRoom room = InMemoryRoom.of(3, "LINE");
        long[] before = {room.bytesReceivedBy(0), room.bytesReceivedBy(1), room.bytesReceivedBy(2)};

        long written = room.broadcast("héllo");

        int item = utf8Length("m0: héllo\n");
        assertEquals(3L * item, written);
        for (int member = 0; member < 3; member++) {
            assertEquals(before[member] + item, room.bytesReceivedBy(member), "member " + member);
        }
    }

    @Test
    void aLegacyBroadcastWritesTheItemWithoutANewline() {
        InMemoryRoom room = InMemoryRoom.of(2, "LEGACY");
        long before = room.bytesReceivedBy(1);

        long written = room.broadcast("hello");

        assertEquals(2L * utf8Length("m0: hello"), written);
        assertEquals(before + utf8Length("m0: hello"), room.bytesReceivedBy(1));
    }

    @Test
    void everyBroadcastIsWrittenInFullSoTheNextStartsFromEmptyOutboxes() {
        InMemoryRoom room = InMemoryRoom.of(100, "LINE");
        long first = room.broadcast("x".repeat(64));

        for (int i = 0; i < 1_000; i++) {
            assertEquals(first, room.broadcast("x".repeat(64)), "broadcast " + i);
        }
        assertEquals(100L * utf8Length("m0: " + "x".repeat(64) + "\n"), first);
    }

    @Test
    void aMemberJoinsByNameAndIsWelcomedBeforeAnyBroadcast() {
        InMemoryRoom room = InMemoryRoom.of(1, "LINE");

        assertEquals(ItemEncoder.encode(new ServerItem.Welcome("m0"), Framing.LINE).length, room.bytesReceivedBy(0));
    }

    @Test
    void aRoomNeedsAMemberAndAFramingTheDaemonSpeaks() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> InMemoryRoom.of(0, "LINE"));
        assertEquals("a room needs at least one member, not 0", empty.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> InMemoryRoom.of(2, "JSON"));
        assertEquals("framing must be LINE or LEGACY, not JSON", unknown.getMessage());
    }
}
