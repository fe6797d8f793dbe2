package org.cavechat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.cavechat.bots.ServerText;

/**
 * The baseline: the original {@code chat_serv.py}'s design, written in Java so that the benchmarks
 * can show what CaveChat's design buys. One platform thread per client reads its messages; a
 * broadcast runs in the sender's thread and performs one blocking write per recipient, encoding
 * the item again for each of them, while it holds the one lock of the room. A slow reader therefore
 * stalls the sender and every member after it, as in the original.
 *
 * <p>It speaks the same protocol as CaveChat (greeting, name, welcome, join, messages, quit, leave;
 * line framing when the name ends with a newline, legacy framing otherwise) and fixes only what would
 * stop a benchmark: the room is guarded by a lock (the original's dictionary was not), a member is
 * welcomed and added to the room under that lock (the original welcomed first and added the member
 * later, so a member holding its welcome could still miss the next broadcasts), a dead member is
 * removed, and the sockets use TCP_NODELAY like CaveChat's, so that the comparison is about the
 * threading and the writes, not about Nagle's algorithm.
 *
 * <p>Threads: one acceptor, one reader per client. {@code members} is guarded by {@code this}.
 */
public final class ThreadPerClientServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<BaselineMember> members = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private final Thread acceptor;

    private ThreadPerClientServer(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = Thread.ofPlatform().daemon().name("baseline-accept").start(this::acceptForever);
    }

    /** Listens on a free port of {@code bindAddress}; returns once connections are accepted. */
    public static ThreadPerClientServer start(InetAddress bindAddress) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(bindAddress, 0), 1024);
        return new ThreadPerClientServer(listener);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                synchronized (this) {
                    open.add(socket);
                }
                BaselineMember member = new BaselineMember(this, socket);
                Thread.ofPlatform().daemon().name("baseline-client").start(member::serve);
            } catch (SocketException closed) {
                return; // close() closed the listener: the only way out of accept()
            } catch (IOException e) {
                throw new UncheckedIOException("baseline accept failed", e);
            }
        }
    }

    /**
     * Welcomes a member, tells the others it joined and then adds it (the original's order), in one hold
     * of the lock: once a member has its welcome, it is in the room for every later broadcast.
     */
    synchronized void join(BaselineMember member) throws IOException {
        member.send(ServerText.welcome(member.name()));
        broadcast(ServerText.joined(member.name()), "");
        members.add(member);
    }

    void leave(BaselineMember member) {
        synchronized (this) {
            if (members.remove(member)) {
                broadcast(ServerText.left(member.name()), "");
            }
            open.remove(member.socket());
        }
    }

    /**
     * Sends {@code prefix + text} to every member, one blocking write each, in the caller's thread.
     * A member whose write fails is closed; its own thread then sees the end and leaves.
     */
    synchronized void broadcast(String text, String prefix) {
        for (BaselineMember member : members) {
            member.sendQuietly(prefix + text);
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the baseline listener failed", e);
        }
        List<Socket> sockets;
        synchronized (this) {
            sockets = List.copyOf(open);
            members.clear();
            open.clear();
        }
        for (Socket socket : sockets) {
            BaselineMember.closeQuietly(socket);
        }
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
