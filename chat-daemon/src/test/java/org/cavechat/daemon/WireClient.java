package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw-socket chat client for tests: it writes exactly the bytes it is given, one write per call,
 * and reads exactly the bytes it expects, each read bounded by {@link #READ_DEADLINE} (SO_TIMEOUT).
 * Reads are buffered (one system call per arriving segment, not per byte); a test that needs unread data
 * left in the socket simply does not read.
 * Runs on the test's thread (or one thread per client in concurrency tests); not thread-safe.
 */
final class WireClient implements AutoCloseable {

    /** How long any single read may wait; generous because the machine is shared, never a timing assertion. */
    static final Duration READ_DEADLINE = Duration.ofSeconds(15);

    /** Longest line {@link #readLine()} accepts, so a runaway server cannot exhaust the test's memory. */
    private static final int MAX_LINE = 1 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
    }

    /** Connects to the daemon on loopback at {@code port}. */
    static WireClient connect(int port) {
        return connect(port, 0);
    }

    /**
     * Connects with a receive buffer of {@code receiveBufferBytes} (0 keeps the system default); the buffer is
     * set before connecting so that the TCP window is small from the first segment.
     */
    static WireClient connect(int port, int receiveBufferBytes) {
        Socket socket = new Socket();
        try {
            if (receiveBufferBytes > 0) {
                socket.setReceiveBufferSize(receiveBufferBytes);
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) READ_DEADLINE.toMillis());
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) READ_DEADLINE.toMillis());
            return new WireClient(socket);
        } catch (IOException e) {
            closeQuietlyAfter(socket, e);
            throw new UncheckedIOException("cannot connect to port " + port, e);
        }
    }

    /** Sends {@code text} as UTF-8 in one write, with nothing added. */
    WireClient send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code bytes} in one write. */
    WireClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("write of " + bytes.length + " bytes failed", e);
        }
    }

    /** Reads exactly as many bytes as {@code text} has in UTF-8 and asserts they are that text. */
    WireClient expect(String text) {
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        byte[] actual = read(expected.length);
        if (!java.util.Arrays.equals(expected, actual)) {
            assertEquals(Printable.of(expected), Printable.of(actual), "bytes received");
            assertArrayEquals(expected, actual, "bytes received");
        }
        return this;
    }

    /**
     * Reads {@code text} {@code times} times over and asserts every byte, failing at the first repetition that
     * differs (a burst of thousands of identical lines, without building or printing megabytes).
     */
    WireClient expectRepeated(String text, int times) {
        byte[] unit = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < times; i++) {
            byte[] actual = read(unit.length);
            if (!java.util.Arrays.equals(unit, actual)) {
                assertEquals(Printable.of(unit), Printable.of(actual), "repetition " + i + " of " + times);
            }
        }
        return this;
    }

    /** Reads exactly {@code expected.length} bytes and asserts they are those bytes. */
    WireClient expect(byte[] expected) {
        assertArrayEquals(expected, read(expected.length), () -> "expected " + Printable.of(expected));
        return this;
    }

    /** Reads up to and including the next {@code \n} and returns the line without it, as UTF-8. */
    String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = readByte(line);
            if (b == -1) {
                return fail("end of stream inside a line; read so far: " + Printable.of(line.toByteArray()));
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() == MAX_LINE) {
                return fail("no newline within " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** Asserts that the server closed the stream and sent nothing more before closing it. */
    void expectEof() {
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        int b = readByte(extra);
        if (b != -1) {
            extra.write(b);
            fail("expected end of stream, received " + Printable.of(extra.toByteArray()) + " first");
        }
    }

    /** Reads exactly {@code count} bytes, failing with what did arrive when the stream ends or stalls. */
    byte[] read(int count) {
        ByteArrayOutputStream got = new ByteArrayOutputStream(count);
        while (got.size() < count) {
            int b = readByte(got);
            if (b == -1) {
                fail("end of stream after " + got.size() + " of " + count + " bytes: " + Printable.of(got.toByteArray()));
            }
            got.write(b);
        }
        return got.toByteArray();
    }

    /**
     * Waits, without reading, until at least {@code bytes} have arrived and lie unread; so a test knows the
     * server has written them before it, say, resets the connection with that data unread.
     */
    WireClient awaitUnread(int bytes) {
        Deadline.await(bytes + " unread bytes", () -> unread() >= bytes, this::unread);
        return this;
    }

    private int unread() {
        try {
            return in.available();
        } catch (IOException e) {
            throw new UncheckedIOException("available() failed", e);
        }
    }

    /** Ends the connection with a FIN only in our direction: the server sees end of stream, we can still read. */
    void halfClose() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException("shutdownOutput failed", e);
        }
    }

    /** Ends the connection with a TCP RST (SO_LINGER 0), as a crashed client or a closed window with unread data does. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("reset failed", e);
        }
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("close failed", e);
        }
    }

    /** One byte, or -1 at end of stream; a stall past the deadline fails the test and shows what did arrive. */
    private int readByte(ByteArrayOutputStream soFar) {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return fail("nothing more arrived within " + READ_DEADLINE + "; read so far: " + Printable.of(soFar.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("read failed after " + Printable.of(soFar.toByteArray()), e);
        }
    }

    private static void closeQuietlyAfter(Socket socket, IOException cause) {
        try {
            socket.close();
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
