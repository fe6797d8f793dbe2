package org.cavechat.daemon;

import java.nio.ByteBuffer;

/**
 * A {@link Wire} with no socket behind it: every write takes all the bytes offered and drops them, every read
 * finds nothing, and nothing is ever selected. It counts what it took, so {@link InMemoryRoom} can show that
 * deliveries really happened. One thread, the one that drives its room.
 */
final class DiscardingWire implements Wire {
    private long bytesTaken;
    private boolean open = true;

    long bytesTaken() {
        return bytesTaken;
    }

    @Override
    public int read(ByteBuffer target) {
        return 0;
    }

    @Override
    public int write(ByteBuffer source) {
        int taken = source.remaining();
        source.position(source.limit());
        bytesTaken += taken;
        return taken;
    }

    @Override
    public void shutdownOutput() {
        // There is no peer to tell; nothing follows a goodbye anyway.
    }

    @Override
    public void sendBufferBytes(int bytes) {
        // There is no kernel buffer: every write is taken whole.
    }

    @Override
    public boolean readInterest(boolean wanted) {
        return open;
    }

    @Override
    public boolean writeInterest(boolean wanted) {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
