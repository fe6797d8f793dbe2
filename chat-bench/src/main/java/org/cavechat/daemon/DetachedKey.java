package org.cavechat.daemon;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * A selection key registered with no selector, for a {@link Connection} over a
 * {@link DiscardingChannel}: the connection records its interest in writability on it, and nothing
 * ever selects it. Benchmark thread only.
 */
final class DetachedKey extends SelectionKey {
    private final SelectableChannel channel;
    private int interestOps = OP_READ;
    private boolean valid = true;

    DetachedKey(SelectableChannel channel) {
        this.channel = channel;
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public Selector selector() {
        throw new UnsupportedOperationException("a detached key has no selector");
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void cancel() {
        valid = false;
    }

    @Override
    public int interestOps() {
        return interestOps;
    }

    @Override
    public SelectionKey interestOps(int ops) {
        interestOps = ops;
        return this;
    }

    @Override
    public int readyOps() {
        return 0;
    }
}
