package org.cavechat.bots.swarm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A line-framed chat room that misbehaves on purpose, so the swarm's delivery checks can be seen to
 * count: of the messages it relays (numbered from 0 in the order it relays them), the first member to
 * join never gets those numbered 1, 5, 9, … and the second gets those numbered 0, 3, 6, … twice.
 * A thread per connection; for tests only.
 */
final class FaultyRoom implements AutoCloseable {
    private final ServerSocket listener;
    private final List<OutputStream> members = new ArrayList<>();
    /** Connections that ended with an error (expected when the swarm closes its bots); not asserted. */
    private final AtomicInteger brokenConnections = new AtomicInteger();
    private long relayed;

    FaultyRoom() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "faulty-room");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many relayed messages one member lost and the other got twice, for {@code relayed} messages. */
    static long dropped(long relayed) {
        return (relayed + 2) / 4;
    }

    static long doubled(long relayed) {
        return (relayed + 2) / 3;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread member = new Thread(() -> serve(socket), "faulty-member");
                member.setDaemon(true);
                member.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write("Greetings from the cave! Now type your name and press enter!".getBytes(StandardCharsets.UTF_8));
            String name = in.readLine();
            synchronized (this) {
                String welcome = "Welcome " + name + "! If you ever want to quit, type {quit} to exit.\n";
                out.write(welcome.getBytes(StandardCharsets.UTF_8));
                members.add(out);
            }
            for (String line; (line = in.readLine()) != null && !line.equals("{quit}"); ) {
                relay((name + ": " + line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            brokenConnections.incrementAndGet();
        }
    }

    private synchronized void relay(byte[] item) throws IOException {
        long number = relayed++;
        for (int i = 0; i < members.size(); i++) {
            if (i == 0 && number % 4 == 1) {
                continue;
            }
            members.get(i).write(item);
            if (i == 1 && number % 3 == 0) {
                members.get(i).write(item);
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
