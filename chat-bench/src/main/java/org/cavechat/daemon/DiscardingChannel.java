package org.cavechat.daemon;

import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * A socket channel with no socket: every write takes all the bytes offered and drops them, every read
 * finds nothing. It lets {@link BroadcastCostBenchmark} drive the daemon's own {@link Connection} (which
 * is built on a {@link SocketChannel}) without the kernel, so that what is measured is the daemon's
 * encoding, queuing and copying, not the system calls. Counts the bytes it was given, so a run can
 * check that deliveries really happened.
 */
final class DiscardingChannel extends SocketChannel {
    private long bytesTaken;

    DiscardingChannel() {
        super(SelectorProvider.provider());
    }

    long bytesTaken() {
        return bytesTaken;
    }

    @Override
    public int write(ByteBuffer source) {
        int taken = source.remaining();
        source.position(source.limit());
        bytesTaken += taken;
        return taken;
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) {
        long taken = 0;
        for (int i = offset; i < offset + length; i++) {
            taken += write(sources[i]);
        }
        return taken;
    }

    @Override
    public int read(ByteBuffer target) {
        return 0;
    }

    @Override
    public long read(ByteBuffer[] targets, int offset, int length) {
        return 0;
    }

    @Override
    public SocketChannel bind(SocketAddress local) {
        return this;
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) {
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) {
        return null;
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Set.of();
    }

    @Override
    public SocketChannel shutdownInput() {
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() {
        return this;
    }

    @Override
    public Socket socket() {
        throw new UnsupportedOperationException("a discarding channel has no socket");
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isConnectionPending() {
        return false;
    }

    @Override
    public boolean connect(SocketAddress remote) {
        return true;
    }

    @Override
    public boolean finishConnect() {
        return true;
    }

    @Override
    public SocketAddress getRemoteAddress() {
        return null;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return null;
    }

    @Override
    protected void implCloseSelectableChannel() {
        // Nothing to release: there is no socket behind this channel.
    }

    @Override
    protected void implConfigureBlocking(boolean block) {
        // Neither mode changes what a discarding write does.
    }
}
