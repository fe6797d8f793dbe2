package org.cavechat.bots;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * One named participant of a running script: its connection and what the script did to it, so the
 * runner can refuse impossible steps and leave the server clean afterwards. Used by one thread.
 */
final class Bot {

    private final String id;
    private final ChatClient client;
    private boolean joined;
    private boolean sendingClosed;
    private boolean closed;
    private boolean ended;
    private boolean quitting;

    Bot(String id, ChatClient client) {
        this.id = id;
        this.client = client;
    }

    ChatClient client() {
        return client;
    }

    boolean isOpen() {
        return !closed;
    }

    void joined() {
        joined = true;
    }

    void quitting() {
        quitting = true;
    }

    void sendingClosed() {
        sendingClosed = true;
    }

    void closed() {
        closed = true;
    }

    /** Receives the next event, remembering the end of the stream. */
    Optional<ChatEvent> poll(Duration timeout) throws IOException {
        Optional<ChatEvent> event = client.poll(timeout);
        if (event.isPresent() && event.get() instanceof ChatEvent.EndOfStream) {
            ended = true;
        }
        if (event.isPresent() && event.get() instanceof ChatEvent.Welcome) {
            joined = true;
        }
        return event;
    }

    /**
     * Leaves the server as a well-behaved client would, so that one script cannot disturb the next:
     * a member quits; a connection that never joined joins and quits (closing it unnamed would make
     * the original server register a nameless member and flood the room); then the socket closes.
     * Failures here are ignored on purpose: the script's verdict is already decided.
     */
    void leavePolitely(Duration timeout) {
        try {
            if (!closed && !ended && !sendingClosed) {
                if (!joined) {
                    client.send(id + ".cleanup");
                    joined = client.poll(timeout).orElse(null) instanceof ChatEvent.Welcome;
                }
                if (joined && !quitting) {
                    client.quit();
                }
                if (joined || quitting) {
                    drainToEnd(timeout);
                }
            }
            client.close();
        } catch (IOException e) {
            closeAfterFailure();
        }
        closed = true;
    }

    private void drainToEnd(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended && System.nanoTime() < deadline) {
            poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    private void closeAfterFailure() {
        try {
            client.closeAbruptly();
        } catch (IOException e) {
            closed = true;
        }
    }
}
