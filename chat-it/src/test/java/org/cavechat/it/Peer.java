package org.cavechat.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * One raw TCP client, as the original clients and netcat are: it writes exactly the bytes it is given, one
 * write per call, and every read has a deadline, so a test fails with what arrived instead of hanging.
 * Used by one test thread at a time.
 */
final class Peer implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final int MAX_REST_BYTES = 64 << 20;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    private Peer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static Peer connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server, (int) PATIENCE.toMillis());
        return new Peer(socket);
    }

    /** Connects with a fixed receive buffer (no autotuning), so that a peer that never reads fills up soon. */
    static Peer connect(InetSocketAddress server, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBufferBytes);
        socket.connect(server, (int) PATIENCE.toMillis());
        return new Peer(socket);
    }

    /** A member as the original clients join: the name with no newline, and the welcome read in full. */
    static Peer legacyMember(InetSocketAddress server, String name) throws IOException {
        Peer peer = connect(server);
        peer.expect(ServerText.GREETING);
        peer.send(name);
        peer.expect(ServerText.welcome(name));
        return peer;
    }

    /** A member as netcat and the bots join: the name ended by a newline; every item then ends with one. */
    static Peer lineMember(InetSocketAddress server, String name) throws IOException {
        Peer peer = connect(server);
        peer.expect(ServerText.GREETING);
        peer.sendLine(name);
        peer.expectLine(ServerText.welcome(name));
        return peer;
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendLine(String text) throws IOException {
        send(text + "\n");
    }

    /** Reads exactly the bytes of {@code text}, however the server's writes were split or merged. */
    void expect(String text) throws IOException {
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        byte[] actual = read(expected.length, "\"" + text + "\"");
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError("expected \"" + text + "\" but received \"" + printable(actual) + "\"");
        }
    }

    void expectLine(String text) throws IOException {
        String line = readLine();
        if (!line.equals(text)) {
            throw new AssertionError("expected the line \"" + text + "\" but received \"" + printable(line) + "\"");
        }
    }

    /** The next line, without its {@code \n}. */
    String readLine() throws IOException {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') { // The usual case, and the one a burst of lines makes hot: no copy per byte.
                String line = new String(buffer, position, i - position, StandardCharsets.UTF_8);
                position = i + 1;
                return line;
            }
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (position == limit && !fill(deadline)) {
                throw new AssertionError("end of stream before a line ended; received \"" + printable(line) + "\"");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() == MAX_LINE_BYTES) {
                throw new AssertionError("a line longer than " + MAX_LINE_BYTES + " bytes arrived");
            }
            line.write(b);
        }
    }

    /** Reads until the server closes the connection and returns everything that came before. */
    byte[] readToEnd() throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        while (position < limit || fill(deadline)) {
            rest.write(buffer, position, limit - position);
            position = limit;
            if (rest.size() > MAX_REST_BYTES) {
                throw new AssertionError("more than " + MAX_REST_BYTES + " bytes arrived while waiting for the end");
            }
        }
        return rest.toByteArray();
    }

    /** The server closes the connection without sending anything more. */
    void expectEnd() throws IOException {
        byte[] rest = readToEnd();
        if (rest.length > 0) {
            throw new AssertionError("expected the end of stream but received \"" + printable(rest) + "\"");
        }
    }

    /** Waits, bounded, until bytes this peer has not read are waiting in its socket. */
    void awaitUnreadBytes() throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (position == limit && in.available() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no bytes arrived within " + PATIENCE);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Closes the sending direction only, as a client does that shuts down its output (half-close). */
    void halfClose() throws IOException {
        socket.shutdownOutput();
    }

    /** Ends the connection with a TCP reset, as a killed client or a close with unread data does. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The next {@code count} bytes, exactly. */
    byte[] receive(int count) throws IOException {
        return read(count, count + " bytes");
    }

    private byte[] read(int count, String awaited) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ByteArrayOutputStream got = new ByteArrayOutputStream(count);
        while (got.size() < count) {
            if (position == limit && !fill(deadline)) {
                throw new AssertionError("end of stream while waiting for " + awaited + "; received \""
                        + printable(got) + "\"");
            }
            int n = Math.min(count - got.size(), limit - position);
            got.write(buffer, position, n);
            position += n;
        }
        return got.toByteArray();
    }

    /** Reads more into the buffer; false at end of stream; an AssertionError when the deadline passes. */
    private boolean fill(long deadline) throws IOException {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new AssertionError("nothing more arrived within " + PATIENCE);
        }
        socket.setSoTimeout((int) remainingMillis);
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing more arrived within " + PATIENCE, e);
        }
    }

    static String printable(byte[] bytes) {
        return printable(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String printable(ByteArrayOutputStream bytes) {
        return printable(bytes.toByteArray());
    }

    private static String printable(String text) {
        String shown = text.length() > 400 ? text.substring(0, 400) + "...(" + text.length() + " chars)" : text;
        return shown.replace("\n", "\\n").replace("\r", "\\r");
    }
}
