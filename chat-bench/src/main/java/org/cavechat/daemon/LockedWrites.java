package org.cavechat.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline's broadcast, in process: the original's {@code broadcast()} in Java. Under one lock,
 * for each member in turn, the item is encoded again ({@code bytes(prefix) + msg}) and written with
 * one write call, so every delivery allocates its own bytes and costs one write. Benchmark thread.
 */
final class LockedWrites {
    private final List<WritableByteChannel> members = new ArrayList<>();
    private final List<Framing> framings = new ArrayList<>();
    private final Object lock = new Object();

    void add(WritableByteChannel member, Framing framing) {
        synchronized (lock) {
            members.add(member);
            framings.add(framing);
        }
    }

    /** Sends {@code prefix + text} to every member; returns the number of bytes written in all. */
    long broadcast(String prefix, String text) throws IOException {
        long written = 0;
        synchronized (lock) {
            for (int i = 0; i < members.size(); i++) {
                String item = framings.get(i) == Framing.LINE ? prefix + text + "\n" : prefix + text;
                written += members.get(i).write(ByteBuffer.wrap(item.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return written;
    }
}
