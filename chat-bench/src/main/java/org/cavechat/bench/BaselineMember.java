package org.cavechat.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cavechat.bots.Framing;
import org.cavechat.bots.ServerText;

/**
 * One client of the {@link ThreadPerClientServer}, served by its own platform thread, as the
 * original's {@code handle_client}. Writes to its socket happen only while the server's lock is
 * held (the welcome, broadcasts and the quit echo) or before the member joins the room (the greeting).
 */
final class BaselineMember {
    private static final int CHUNK = 1024;

    private final ThreadPerClientServer server;
    private final Socket socket;
    /** Legacy until the first read shows a newline; written by the member's thread before it joins. */
    private Framing framing = Framing.LEGACY;
    private String name = "";

    BaselineMember(ThreadPerClientServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    String name() {
        return name;
    }

    Socket socket() {
        return socket;
    }

    void serve() {
        try (socket) {
            InputStream in = socket.getInputStream();
            send(ServerText.GREETING);
            byte[] chunk = new byte[CHUNK];
            int n = in.read(chunk);
            if (n < 0) {
                return;
            }
            int newline = indexOf(chunk, n, (byte) '\n');
            framing = newline >= 0 ? Framing.LINE : Framing.LEGACY;
            byte[] rest = newline >= 0 ? Arrays.copyOfRange(chunk, newline + 1, n) : new byte[0];
            name = decode(chunk, newline >= 0 ? newline : n).strip();
            server.join(this);
            if (framing == Framing.LINE) {
                serveLines(in, rest);
            } else {
                serveChunks(in, chunk);
            }
        } catch (IOException resetOrBroken) {
            // A reset or a failed read ends the member like an end of stream does: it leaves.
            closeQuietly(socket);
        } finally {
            server.leave(this);
        }
    }

    private void serveChunks(InputStream in, byte[] chunk) throws IOException {
        for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
            if (!relay(decode(chunk, n))) {
                return;
            }
        }
    }

    private void serveLines(InputStream in, byte[] start) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        System.arraycopy(start, 0, chunk, 0, start.length);
        for (int n = start.length; n >= 0; n = in.read(chunk)) {
            for (int i = 0; i < n; i++) {
                if (chunk[i] != '\n') {
                    line.write(chunk[i]);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (!relay(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text)) {
                    return;
                }
            }
        }
    }

    /** Relays one message; false once the member has quit. */
    private boolean relay(String message) {
        if (message.equals(ServerText.QUIT)) {
            synchronized (server) {
                sendQuietly(ServerText.QUIT);
            }
            return false;
        }
        if (!message.isEmpty()) {
            server.broadcast(message, name + ServerText.SENDER_SEPARATOR);
        }
        return true;
    }

    /** Encodes and writes one item; the encoding per recipient is the original's design. */
    void sendQuietly(String item) {
        try {
            send(item);
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    void send(String item) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(framing.frame(item));
    }

    /** Closes a socket that may already be broken; true when it closed cleanly. */
    static boolean closeQuietly(Socket socket) {
        try {
            socket.close();
            return true;
        } catch (IOException alreadyBroken) {
            return false;
        }
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
