package org.cavechat.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Thousands of line members driven by one selector on the test thread: it connects and names them, keeps
 * reading everything they receive (so no member falls behind and none holds the daemon's memory), and
 * counts per member whether the line a test waits for has arrived. Bounded in count and time.
 */
final class Crowd implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Members connected but not yet welcomed at any time: a steady ramp instead of a SYN flood. */
    private static final int IN_FLIGHT = 200;
    private final Selector selector;
    private final List<Member> members = new ArrayList<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);
    private int welcomed;
    private int ended;
    private String firstEnd;
    private int sawAwaited;
    private byte[] awaited = new byte[0];

    private Crowd() throws IOException {
        this.selector = Selector.open();
    }

    /** Connects {@code size} line members named {@code prefix0, prefix1, ...} and waits for every welcome. */
    static Crowd join(InetSocketAddress server, String prefix, int size) throws IOException {
        Crowd crowd = new Crowd();
        for (int i = 0; i < size; i++) {
            int connected = i;
            crowd.pumpUntil("welcomes", () -> connected - crowd.welcomed - IN_FLIGHT);
            crowd.add(server, prefix + i);
        }
        crowd.pumpUntil("every welcome", () -> size - crowd.welcomed);
        return crowd;
    }

    int welcomed() {
        return welcomed;
    }

    /** How many members' connections the server ended. */
    int ended() {
        return ended;
    }

    /** Member {@code index} sends one line. */
    void sendLine(int index, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            members.get(index).channel.write(bytes);
        }
    }

    /** Reads until every member has received {@code line}; returns how many did (all, or it fails). */
    int awaitEveryone(String line) throws IOException {
        awaited = line.getBytes(StandardCharsets.UTF_8);
        sawAwaited = 0;
        pumpUntil("\"" + line + "\" at every member", () -> members.size() - sawAwaited);
        return sawAwaited;
    }

    @Override
    public void close() throws IOException {
        for (Member member : members) {
            member.channel.close();
        }
        selector.close();
    }

    private void add(InetSocketAddress server, String name) throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        channel.configureBlocking(false);
        Member member = new Member(channel, name);
        channel.register(selector, SelectionKey.OP_READ, member);
        members.add(member);
        channel.write(ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads what has arrived at least once, then until {@code shortfall} reaches 0: unread data would pile up. */
    private void pumpUntil(String what, IntSupplier shortfall) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        do {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what + "; still " + shortfall.getAsInt()
                        + " short (" + welcomed + " welcomed, " + ended + " ended by the server, the first: "
                        + firstEnd + ")");
            }
            if (shortfall.getAsInt() > 0) {
                selector.select(10);
            } else {
                selector.selectNow();
            }
            for (SelectionKey key : selector.selectedKeys()) {
                read((Member) key.attachment(), key);
            }
            selector.selectedKeys().clear();
        } while (shortfall.getAsInt() > 0);
    }

    private void read(Member member, SelectionKey key) throws IOException {
        scratch.clear();
        int n;
        String end = "end of stream";
        try {
            n = member.channel.read(scratch);
        } catch (SocketException e) {
            n = -1;
            end = e.getMessage();
        }
        if (n < 0) {
            ended++;
            firstEnd = firstEnd != null ? firstEnd : member.name + " (welcomed: " + member.welcomed + "): " + end;
            key.cancel();
            return;
        }
        scratch.flip();
        while (scratch.hasRemaining()) {
            byte b = scratch.get();
            if (b != '\n') {
                member.line.write(b);
                continue;
            }
            byte[] line = member.line.toByteArray();
            member.line.reset();
            if (!member.welcomed && Arrays.equals(line, member.expectedWelcome)) {
                member.welcomed = true;
                welcomed++;
            } else if (Arrays.equals(line, awaited)) {
                sawAwaited++;
            }
        }
    }

    /** One member's connection and the line it is in the middle of receiving. */
    private static final class Member {
        final SocketChannel channel;
        final String name;
        final byte[] expectedWelcome;
        final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean welcomed;

        Member(SocketChannel channel, String name) {
            this.channel = channel;
            this.name = name;
            this.expectedWelcome = (ServerText.GREETING + ServerText.welcome(name)).getBytes(StandardCharsets.UTF_8);
        }
    }
}
