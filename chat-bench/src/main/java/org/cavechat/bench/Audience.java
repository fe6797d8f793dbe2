package org.cavechat.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.cavechat.bots.Framing;
import org.cavechat.bots.ServerText;

/**
 * The members of one benchmark room, held open across a trial: one line-framed sender and
 * {@code members - 1} listeners of the chosen framing. Every broadcast the sender makes is delivered
 * to all {@code members} (the sender gets its own message back, as in the original), so one message
 * means {@code members} deliveries.
 *
 * <p>Listeners join in batches whose names are sent before any welcome is read, so that the server
 * sees many joins per read and a room of thousands forms in seconds despite its join notices
 * (N squared of them). Once all have joined, the sender broadcasts the {@link Delivery#MARK sync
 * mark}; counting starts behind it. The sender's echoes are read by a thread of their own with
 * blocking reads, because the benchmark thread writes to that channel with blocking writes; the
 * listeners share one {@link AudienceReader}.
 */
final class Audience implements AutoCloseable {
    static final String SENDER = "sender";
    static final String PAYLOAD = "0123456789abcdef".repeat(4);
    private static final int JOIN_BATCH = 250;

    private final int members;
    private final SocketChannel sender;
    private final List<SocketChannel> listeners = new ArrayList<>();
    private final DeliveryCounter counter;
    private final AudienceReader reader;
    private final Thread readerThread;
    private final Thread echoThread;
    private final ByteBuffer message = ByteBuffer.wrap(Framing.LINE.frame(PAYLOAD));
    private long sent;

    private Audience(InetSocketAddress server, int members, Framing framing) throws IOException {
        this.members = members;
        this.counter = new DeliveryCounter(members);
        this.reader = new AudienceReader(counter);
        this.readerThread = Thread.ofPlatform().daemon().name("audience-reader").start(reader);
        this.sender = join(server, List.of(SENDER), Framing.LINE).getFirst();
        Delivery echoes = delivery(Framing.LINE);
        this.echoThread = Thread.ofPlatform().daemon().name("audience-echoes")
                .start(() -> readEchoes(echoes));
        for (int first = 1; first < members; first += JOIN_BATCH) {
            List<String> names = new ArrayList<>();
            for (int position = first; position < Math.min(members, first + JOIN_BATCH); position++) {
                names.add("m" + position);
            }
            for (SocketChannel listener : join(server, names, framing)) {
                listeners.add(listener);
                reader.add(listener, delivery(framing));
            }
        }
        sender.write(ByteBuffer.wrap(Framing.LINE.frame(Delivery.MARK)));
        counter.awaitSettled();
    }

    /** Joins {@code members} members (at least 1) and returns once every one has the sync mark. */
    static Audience join(InetSocketAddress server, int members, Framing framing) throws IOException {
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

    /** Waits until all but {@code inFlight} of the messages sent have reached every member. */
    void awaitAllBut(long inFlight) {
        counter.awaitDelivered((sent - inFlight) * members);
    }

    /** Reads that returned bytes, by all the audience's readers, since it joined. */
    long reads() {
        return counter.reads();
    }

    /** Deliveries of benchmark messages counted since the audience joined. */
    long deliveries() {
        return counter.delivered();
    }

    private static Delivery delivery(Framing framing) {
        return new Delivery(framing.frame(ServerText.message(SENDER, PAYLOAD)).length, framing.terminator().length);
    }

    /** Connects and names all of {@code names} before reading any greeting: one batch of joins. */
    private static List<SocketChannel> join(InetSocketAddress server, List<String> names, Framing framing)
            throws IOException {
        List<SocketChannel> channels = new ArrayList<>();
        for (String name : names) {
            SocketChannel channel = SocketChannel.open(server);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.write(ByteBuffer.wrap(framing.frame(name)));
            channels.add(channel);
        }
        // A member receives nothing between the greeting and its welcome: no broadcast reaches the unnamed.
        for (int i = 0; i < names.size(); i++) {
            readExactly(channels.get(i), ServerText.GREETING.length()
                    + framing.frame(ServerText.welcome(names.get(i))).length);
        }
        return channels;
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
        boolean wasSettled = false;
        try {
            for (int n = sender.read(scratch.clear()); n >= 0; n = sender.read(scratch.clear())) {
                counter.add(echoes.received(scratch.flip()));
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
