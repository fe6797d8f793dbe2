package org.cavechat.daemon;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** A {@link Wire} over an accepted socket and its key in the event loop's selector. Event-loop thread only. */
final class SocketWire implements Wire {
    private final SocketChannel channel;
    private final SelectionKey key;

    SocketWire(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        return channel.read(target);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return channel.write(source);
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void sendBufferBytes(int bytes) {
        try {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, bytes);
        } catch (IOException | UnsupportedOperationException ignored) {
            // A socket that is already failing keeps its small buffer; its next write ends it anyway.
        }
    }

    @Override
    public boolean readInterest(boolean wanted) {
        return interest(SelectionKey.OP_READ, wanted);
    }

    @Override
    public boolean writeInterest(boolean wanted) {
        return interest(SelectionKey.OP_WRITE, wanted);
    }

    private boolean interest(int op, boolean wanted) {
        if (!key.isValid()) {
            return false;
        }
        key.interestOps(wanted ? key.interestOps() | op : key.interestOps() & ~op);
        return true;
    }

    @Override
    public void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket that already failed can fail again; there is nothing left to release.
        }
    }
}
