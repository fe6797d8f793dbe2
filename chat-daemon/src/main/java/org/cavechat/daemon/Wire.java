package org.cavechat.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The socket side of a {@link Connection}: what it reads from, writes to and asks the selector for. The daemon
 * runs on {@link SocketWire} alone, so every call through this interface stays monomorphic on the event loop;
 * {@link DiscardingWire} stands in for it where the room is measured without the kernel ({@link InMemoryRoom}).
 * Event-loop thread only.
 */
interface Wire {
    /** Reads what the peer sent into {@code target}; 0 when nothing is waiting, -1 at end of stream. */
    int read(ByteBuffer target) throws IOException;

    /** Writes as much of {@code source} as the socket takes now, without waiting; returns how much that was. */
    int write(ByteBuffer source) throws IOException;

    /** Ends the output side once everything is written: the peer reads end of stream. */
    void shutdownOutput() throws IOException;

    /** Best effort: a socket that cannot take the size keeps its own, and its next write tells if it failed. */
    void sendBufferBytes(int bytes);

    /** Asks to be selected when readable, or not; false (and nothing changed) once the wire is closed. */
    boolean readInterest(boolean wanted);

    /** Asks to be selected when writable, or not; false (and nothing changed) once the wire is closed. */
    boolean writeInterest(boolean wanted);

    /** Stops selecting and closes the socket. Idempotent; a failure to close is not reported, nothing is left to release. */
    void close();
}
