package org.cavechat.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking loopback chat client for the operations tests: writes the bytes it is given and reads exactly
 * as many bytes or lines as asked, each read bounded by SO_TIMEOUT. It counts every byte both ways, so
 * a test can compare them with the server's counters. One thread per client; not thread-safe.
 */
final class PlainClient implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long bytesSent;
    private long bytesReceived;

    private PlainClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects; {@code receiveBufferBytes} above 0 shrinks the TCP window from the first segment on. */
    static PlainClient connect(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MILLIS);
        return new PlainClient(socket);
    }

    static PlainClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** Connects, reads the 60-byte greeting, sends the name as a line and reads the welcome line. */
    static PlainClient join(int port, String name) throws IOException {
        PlainClient client = connect(port);
        client.read(60);
        client.send(name + "\n");
        client.readLine();
        return client;
    }

    void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
        bytesSent += bytes.length;
    }

    /** Exactly {@code count} bytes, as text. */
    String read(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        bytesReceived += bytes.length;
        if (bytes.length != count) {
            throw new IOException("end of stream after " + bytes.length + " of " + count + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** One line including its {@code \n}. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        bytesReceived += line.size();
        if (b == -1) {
            throw new IOException("end of stream in a line: " + line.toString(StandardCharsets.UTF_8));
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Everything until the server closes the connection. */
    String readToEnd() throws IOException {
        byte[] rest = in.readAllBytes();
        bytesReceived += rest.length;
        return new String(rest, StandardCharsets.UTF_8);
    }

    long bytesSent() {
        return bytesSent;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
