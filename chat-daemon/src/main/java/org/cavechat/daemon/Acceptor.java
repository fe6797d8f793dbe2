package org.cavechat.daemon;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Takes new connections off the listening socket for the {@link EventLoop}: at most
 * {@link #ACCEPTS_PER_WAKEUP} per wakeup, so a connect flood cannot starve the members. When {@code accept}
 * fails, the {@link DescriptorReserve} turns the waiting clients away; if it cannot, accepting pauses for
 * {@link #BACKOFF_NANOS} instead of spinning on a listener that stays ready. Event-loop thread only.
 */
final class Acceptor implements AutoCloseable {
    private static final int ACCEPTS_PER_WAKEUP = 256;
    private static final long BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ServerSocketChannel listener;
    private final SelectionKey listenerKey;
    private final DescriptorReserve reserve;
    private final ThrottledLog failures;
    private boolean paused;
    private long pausedUntilNanos;

    Acceptor(ServerSocketChannel listener, SelectionKey listenerKey, DescriptorReserve reserve, ThrottledLog failures) {
        this.listener = listener;
        this.listenerKey = listenerKey;
        this.reserve = reserve;
        this.failures = failures;
    }

    /** Accepts what is waiting, within the batch, and hands each new channel to {@code admit}. */
    void acceptAll(Consumer<SocketChannel> admit) {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException failed) {
                if (!reserve.turnAwayWaiting(listener, failed)) {
                    failures.write("accept failed, pausing accepts for 100 ms: " + failed.getMessage());
                    paused = true;
                    pausedUntilNanos = System.nanoTime() + BACKOFF_NANOS;
                    listenerKey.interestOps(0);
                }
                return;
            }
            if (channel == null) {
                return;
            }
            admit.accept(channel);
        }
    }

    /** Accepts again once a pause after a failure is over. */
    void resumeIfDue(long now) {
        if (paused && now - pausedUntilNanos >= 0) {
            paused = false;
            listenerKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** Nanoseconds until accepting resumes; Long.MAX_VALUE when it is not paused. */
    long nanosToResume(long now) {
        return paused ? Math.max(0, pausedUntilNanos - now) : Long.MAX_VALUE;
    }

    @Override
    public void close() {
        reserve.close();
    }
}
