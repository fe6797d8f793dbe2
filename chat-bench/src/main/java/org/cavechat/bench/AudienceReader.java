package org.cavechat.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one thread that reads for all listening members: a selector over their non-blocking channels,
 * one shared receive buffer whose contents are counted and dropped. One thread, rather than one per
 * member, leaves the two cores to the server under test as much as a reader can.
 *
 * <p>Runs on its own thread; {@link #add} may be called from any thread.
 */
final class AudienceReader implements Runnable, AutoCloseable {
    private final Selector selector;
    private final DeliveryCounter counter;
    private final Queue<Registration> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(256 * 1024);
    private volatile boolean running = true;

    private record Registration(SocketChannel channel, Delivery delivery) {
    }

    AudienceReader(DeliveryCounter counter) throws IOException {
        this.selector = Selector.open();
        this.counter = counter;
    }

    /** Starts reading {@code channel} (already joined) on the reader's thread. */
    void add(SocketChannel channel, Delivery delivery) {
        pending.add(new Registration(channel, delivery));
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select();
                registerPending();
                for (SelectionKey key : selector.selectedKeys()) {
                    drain(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            counter.fail("the reader's selector failed: " + e);
        } finally {
            closeSelector();
        }
    }

    private void closeSelector() {
        try {
            selector.close();
        } catch (IOException e) {
            counter.fail("closing the reader's selector failed: " + e);
        }
    }

    private void registerPending() throws IOException {
        for (Registration r = pending.poll(); r != null; r = pending.poll()) {
            r.channel().configureBlocking(false);
            r.channel().register(selector, SelectionKey.OP_READ, r.delivery());
        }
    }

    private void drain(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        Delivery delivery = (Delivery) key.attachment();
        boolean wasSettled = delivery.settled();
        try {
            for (int n = channel.read(scratch.clear()); n != 0; n = channel.read(scratch.clear())) {
                if (n < 0) {
                    key.cancel();
                    counter.fail(channel + " was closed by the server");
                    return;
                }
                counter.add(delivery.received(scratch.flip()));
            }
        } catch (IOException e) {
            key.cancel();
            counter.fail(channel + " failed: " + e);
            return;
        }
        if (!wasSettled && delivery.settled()) {
            counter.settled();
        }
    }

    /** Asks the reader's thread to stop; it closes the selector on its way out. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
    }
}
