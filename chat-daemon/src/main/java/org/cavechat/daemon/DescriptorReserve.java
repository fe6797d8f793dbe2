package org.cavechat.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * One file descriptor held back for the moment the process runs out of them. Without it, a daemon at its
 * descriptor limit cannot accept, so new clients wait in the kernel's queue without a word while the listener
 * stays ready and the loop cannot take them. With it, when {@code accept} fails the reserve is released, each
 * waiting client is accepted, told item 9 ("the cave is full") and closed, and the reserve is taken again. The
 * members already in the room are not affected: reading and writing need no new descriptor. Logged as one
 * {@link ThrottledLog} line, however many are turned away. Event-loop thread only.
 */
final class DescriptorReserve implements AutoCloseable {
    /** Bounds one turn of turning clients away, like the loop's own accept batch. */
    private static final int TURNED_AWAY_PER_CALL = 256;
    private static final Path SPARE = Path.of("/dev/null");

    private final byte[] caveIsFull;
    private final DaemonStats stats;
    private final ThrottledLog warning;
    private FileChannel spare;

    /** {@code framing} is what the daemon is configured with: item 9 goes out before the client has said anything. */
    DescriptorReserve(FramingPolicy framing, DaemonStats stats, Log log) {
        this.caveIsFull = ItemEncoder.encode(new ServerItem.ServerFull(),
                framing == FramingPolicy.LINE ? Framing.LINE : Framing.LEGACY);
        this.stats = stats;
        this.warning = new ThrottledLog(log, LogLevel.WARN);
        this.spare = openSpare();
    }

    /**
     * After {@code accept} failed with {@code failure}: turns away every client waiting on {@code listener} (up to
     * a bound) with item 9. False when even the released reserve does not let {@code accept} succeed: the
     * failure is then not one this class can answer, and the caller backs off.
     */
    boolean turnAwayWaiting(ServerSocketChannel listener, IOException failure) {
        for (int turnedAway = 0; turnedAway < TURNED_AWAY_PER_CALL; turnedAway++) {
            release();
            SocketChannel waiting;
            try {
                waiting = listener.accept();
            } catch (IOException stillFailing) {
                spare = openSpare();
                return false;
            }
            if (waiting == null) {
                spare = openSpare();
                return true;
            }
            turnAway(waiting);
            spare = openSpare();
            warning.write("cannot accept: " + failure.getMessage() + "; new connections are told the cave is full"
                    + " (raise the descriptor limit, LimitNOFILE= or ulimit -n, above --max-connections)");
        }
        return true;
    }

    @Override
    public void close() {
        release();
    }

    /** Best effort, in one non-blocking write: a fresh socket's send buffer always holds item 9's few bytes. */
    private void turnAway(SocketChannel waiting) {
        stats.connectionOpened();
        try (waiting) {
            waiting.configureBlocking(false);
            int written = waiting.write(ByteBuffer.wrap(caveIsFull));
            stats.wrote(written);
            waiting.shutdownOutput();
        } catch (IOException gone) {
            // The client left before it could be told; it is closed and counted all the same.
        }
        stats.connectionClosed(DisconnectReason.SERVER_FULL);
    }

    private void release() {
        if (spare != null) {
            try {
                spare.close();
            } catch (IOException ignored) {
                // Closing /dev/null read-only cannot lose anything; the descriptor is free either way.
            }
            spare = null;
        }
    }

    /** Null when no descriptor is free even now; the next call tries again. */
    private static FileChannel openSpare() {
        try {
            return FileChannel.open(SPARE);
        } catch (IOException none) {
            return null;
        }
    }
}
