package org.cavechat.bots;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One chat connection with blocking I/O: connect, read the greeting, join, send, receive decoded
 * events, and end the connection politely ({@link #quit}), abruptly ({@link #closeAbruptly}) or by
 * half-closing it ({@link #halfClose}). Cheap enough to run one per virtual thread.
 * Not thread-safe: one thread sends and receives (or one sends and another receives, never two of
 * either).
 */
public final class ChatClient implements AutoCloseable {

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framing framing;
    private final EventDecoder decoder;
    private final ArrayDeque<ChatEvent> ready = new ArrayDeque<>();
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];
    private boolean ended;

    private ChatClient(Socket socket, Framing framing) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.framing = framing;
        this.decoder = EventDecoder.of(framing);
    }

    /** Connects within {@code timeout}; reads nothing yet. */
    public static ChatClient connect(InetSocketAddress server, Framing framing, Duration timeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(server, timeoutMillis(timeout));
            return new ChatClient(socket, framing);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects to {@code host:port} within {@code timeout}; reads nothing yet. */
    public static ChatClient connect(String host, int port, Framing framing, Duration timeout) throws IOException {
        return connect(new InetSocketAddress(host, port), framing, timeout);
    }

    public Framing framing() {
        return framing;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Reads the greeting; anything else (such as the server-full notice) is a protocol error. */
    public ChatEvent.Greeting readGreeting(Duration timeout) throws IOException {
        ChatEvent event = next(timeout);
        if (event instanceof ChatEvent.Greeting greeting) {
            return greeting;
        }
        throw new ChatProtocolException("the greeting", event);
    }

    /** Sends {@code name} and waits for the welcome; a refusal or anything else is a protocol error. */
    public ChatEvent.Welcome join(String name, Duration timeout) throws IOException {
        decoder.knowNames(List.of(name));
        send(name);
        ChatEvent event = next(timeout);
        if (event instanceof ChatEvent.Welcome welcome) {
            return welcome;
        }
        throw new ChatProtocolException("the welcome for " + name, event);
    }

    /** Sends one message: a single write, with {@code \n} appended in line framing. */
    public void send(String text) throws IOException {
        sendRaw(framing.frame(text));
    }

    /** Sends these bytes exactly, in one write (invalid UTF-8, missing newlines...). */
    public void sendRaw(byte[] bytes) throws IOException {
        if (isQuit(bytes)) {
            decoder.quitSent();
        }
        out.write(bytes);
        out.flush();
    }

    private static boolean isQuit(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.equals(ServerText.QUIT) || text.equals(ServerText.QUIT + "\n") || text.equals(ServerText.QUIT + "\r\n");
    }

    /** Sends {@code {quit}}; the server answers with its echo and closes. */
    public void quit() throws IOException {
        send(ServerText.QUIT);
    }

    /** Member names the legacy decoder may meet before it sees them join (see {@link LegacyDecoder}). */
    public void knowNames(Collection<String> names) {
        decoder.knowNames(names);
    }

    /**
     * The next event, waiting at most {@code timeout}. After the end of the stream every call returns
     * {@link ChatEvent.EndOfStream} again.
     *
     * @throws SocketTimeoutException when nothing complete arrived in time
     * @throws IOException when the connection was reset or failed
     */
    public ChatEvent next(Duration timeout) throws IOException {
        return poll(timeout).orElseThrow(
                () -> new SocketTimeoutException("nothing arrived within " + timeout.toMillis() + " ms"));
    }

    /** The next event, or empty when nothing complete arrived within {@code timeout}. */
    public Optional<ChatEvent> poll(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ready.isEmpty()) {
            if (ended) {
                return Optional.of(new ChatEvent.EndOfStream());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            try {
                readOnce();
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
        }
        return Optional.of(ready.poll());
    }

    private void readOnce() throws IOException {
        int count = in.read(buffer);
        if (count < 0) {
            ended = true;
            ready.addAll(decoder.endOfStream());
        } else {
            ready.addAll(decoder.decode(buffer, 0, count));
        }
    }

    /** Ends our sending side (TCP FIN) and keeps reading: what a half-closed original client did. */
    public void halfClose() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with a TCP reset (SO_LINGER 0): a crashed client or a pulled cable. */
    public void closeAbruptly() throws IOException {
        if (!socket.isClosed()) {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    /** Closes without {@code {quit}} (FIN after any unsent data). */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
