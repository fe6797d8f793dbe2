package org.cavechat.it;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a line member receives, read on a thread of its own until a given last line, in order. Tests
 * use it where members must keep reading while the test thread sends, kills or waits.
 */
final class Transcript {
    private final List<String> lines = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final Set<String> notices = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<List<String>> finished = new CompletableFuture<>();

    private Transcript(Peer peer, String lastLine) {
        Thread.ofPlatform().daemon().name("transcript").start(() -> readUntil(peer, lastLine));
    }

    /** Starts reading {@code peer}'s lines now; the transcript ends with {@code lastLine}. */
    static Transcript of(Peer peer, String lastLine) {
        return new Transcript(peer, lastLine);
    }

    /** How many lines have arrived so far. */
    int size() {
        return count.get();
    }

    /** How many members' messages (lines with a {@code ": "}) have arrived so far. */
    int messages() {
        return messages.get();
    }

    /** Whether the server notice {@code line} (a line that is no member's message) has arrived. */
    boolean hasNotice(String line) {
        return notices.contains(line);
    }

    /** Every line, once the last line arrived; fails if it does not within {@code patience}. */
    List<String> await(Duration patience) {
        try {
            return finished.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the last line did not arrive within " + patience + "; " + size() + " lines did",
                    e);
        } catch (ExecutionException e) {
            throw new AssertionError("reading the transcript failed after " + size() + " lines", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void readUntil(Peer peer, String lastLine) {
        try {
            while (true) {
                String line = peer.readLine();
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.contains(": ")) {
                    messages.incrementAndGet();
                } else {
                    notices.add(line);
                }
                count.incrementAndGet();
                if (line.equals(lastLine)) {
                    synchronized (lines) {
                        finished.complete(List.copyOf(lines));
                    }
                    return;
                }
            }
        } catch (IOException | AssertionError e) {
            finished.completeExceptionally(e);
        }
    }
}
