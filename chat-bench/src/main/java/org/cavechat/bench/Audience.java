package org.cavechat.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of one benchmark room, held open across a trial: one line-framed sender and
 * {@code members - 1} listeners of the chosen framing, all joined in order before the first
 * measurement. Every broadcast the sender makes is delivered to all {@code members} (the sender gets
 * its own message back, as in the original), so one message means {@code members} deliveries.
 *
 * <p>The sender's echoes are read by a thread of their own with blocking reads, because the
 * benchmark thread writes to that channel with blocking writes; the listeners share one
 * {@link AudienceReader}.
 */
final class Audience implements AutoCloseable {
    static final String SENDER = "sender";
    static final String PAYLOAD = "0123456789abcdef".repeat(4);

    private final int members;
    private final SocketChannel sender;
    private final List<SocketChannel> listeners = new ArrayList<>();
    private final DeliveryCounter counter;
    private final AudienceReader reader;
    private final Thread readerThread;
    private final Thread echoThread;
    private final ByteBuffer message = ByteBuffer.wrap(ClientFraming.LINE.encode(PAYLOAD));
    private long sent;

    private Audience(InetSocketAddress server, int members, ClientFraming framing) throws IOException {
        this.members = members;
        this.counter = new DeliveryCounter(members);
        this.reader = new AudienceReader(counter);
        this.readerThread = Thread.ofPlatform().daemon().name("audience-reader").start(reader);
        this.sender = join(server, SENDER, ClientFraming.LINE);
        Delivery echoes = settledIfEmpty(delivery(0, ClientFraming.LINE));
        this.echoThread = Thread.ofPlatform().daemon().name("audience-echoes")
                .start(() -> readEchoes(echoes));
        for (int position = 1; position < members; position++) {
            SocketChannel listener = join(server, nameAt(position), framing);
            listeners.add(listener);
            reader.add(listener, settledIfEmpty(delivery(position, framing)));
        }
        counter.awaitSettled();
    }

    /** Joins {@code members} members (at least 1) and returns once all setup traffic has arrived. */
    static Audience join(InetSocketAddress server, int members, ClientFraming framing) throws IOException {
        if (members < 1) {
            throw new IllegalArgumentException("a room needs at least the sender, not " + members);
        }
        return new Audience(server, members, framing);
    }

    int members() {
        return members;
    }

    /** Sends one 64-byte message with one blocking write; it becomes {@link #members} deliveries. */
    void send() throws IOException {
        message.clear();
        while (message.hasRemaining()) {
            sender.write(message);
        }
        sent++;
    }

    /** Messages sent since the audience joined. */
    long sent() {
        return sent;
    }

    /** Waits until all but {@code inFlight} of the messages sent have reached every member. */
    void awaitAllBut(long inFlight) {
        counter.awaitDelivered((sent - inFlight) * members);
    }

    /** Deliveries counted since the audience joined (join notices excluded). */
    long deliveries() {
        return counter.delivered();
    }

    private static String nameAt(int position) {
        return position == 0 ? SENDER : "m" + position;
    }

    /** What the member at {@code position} receives: the later joiners' notices, then items. */
    private Delivery delivery(int position, ClientFraming framing) {
        long setup = 0;
        for (int later = position + 1; later < members; later++) {
            setup += framing.encode(nameAt(later) + " has joined the chat!").length;
        }
        return new Delivery(setup, framing.encode(SENDER + ": " + PAYLOAD).length);
    }

    /** The last member to join gets no setup traffic: it is settled before any read. */
    private Delivery settledIfEmpty(Delivery delivery) {
        if (delivery.settled()) {
            counter.settled();
        }
        return delivery;
    }

    private static SocketChannel join(InetSocketAddress server, String name, ClientFraming framing)
            throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        readExactly(channel, ThreadPerClientServer.GREETING.length());
        channel.write(ByteBuffer.wrap(framing.name(name)));
        readExactly(channel, framing.encode(
                "Welcome " + name + "! If you ever want to quit, type {quit} to exit.").length);
        return channel;
    }

    private static void readExactly(SocketChannel channel, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the server closed the connection during the handshake");
            }
        }
    }

    private void readEchoes(Delivery echoes) {
        ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);
        boolean wasSettled = echoes.settled();
        try {
            for (int n = sender.read(scratch.clear()); n >= 0; n = sender.read(scratch.clear())) {
                counter.add(echoes.received(n));
                if (!wasSettled && echoes.settled()) {
                    wasSettled = true;
                    counter.settled();
                }
            }
            counter.fail("the server closed the sender's connection");
        } catch (IOException e) {
            counter.fail("the sender's connection failed: " + e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        reader.close();
        readerThread.join();
        sender.close();
        for (SocketChannel listener : listeners) {
            listener.close();
        }
        echoThread.join();
    }
}
