package org.cavechat.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cavechat.bots.Framing;

/**
 * The baseline's broadcast, in process: the original's {@code broadcast()} in Java. Under one lock,
 * for each member in turn, the item is encoded again ({@code bytes(prefix) + msg}) and written with
 * one write call, so every delivery allocates its own bytes and costs one write. The members' sockets
 * take every byte and drop it, like the in-memory room's. Benchmark thread.
 */
final class LockedWrites {
    private final List<Discard> members = new ArrayList<>();
    private final Framing framing;
    private final Object lock = new Object();

    LockedWrites(int members, Framing framing) {
        this.framing = framing;
        for (int i = 0; i < members; i++) {
            this.members.add(new Discard());
        }
    }

    /** Sends {@code prefix + text} to every member; returns the number of bytes written in all. */
    long broadcast(String prefix, String text) {
        long written = 0;
        synchronized (lock) {
            for (Discard member : members) {
                String item = framing == Framing.LINE ? prefix + text + "\n" : prefix + text;
                written += member.write(ByteBuffer.wrap(item.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return written;
    }

    long bytesReceivedBy(int member) {
        return members.get(member).bytesTaken;
    }

    /** A member's socket without the kernel: one write call that takes every byte offered. */
    private static final class Discard {
        private long bytesTaken;

        int write(ByteBuffer source) {
            int taken = source.remaining();
            source.position(source.limit());
            bytesTaken += taken;
            return taken;
        }
    }
}
