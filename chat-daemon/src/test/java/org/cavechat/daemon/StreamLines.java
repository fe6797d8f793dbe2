package org.cavechat.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The lines a child process writes to one stream, collected by a reader thread; guarded by {@code lines}. */
final class StreamLines {

    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private boolean ended;

    private StreamLines(InputStream stream, String name) {
        this.reader = Thread.ofPlatform().daemon().name(name).start(() -> collect(stream));
    }

    static StreamLines of(InputStream stream, String name) {
        return new StreamLines(stream, name);
    }

    List<String> all() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits, at most the deadline, for a line that matches and returns it. */
    String await(Predicate<String> wanted, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = Duration.between(Instant.now(), end).toMillis();
                if (left <= 0 || ended) {
                    throw new AssertionError("no such line " + (ended ? "before the stream ended" : "within " + deadline) + ": " + lines);
                }
                lines.wait(left);
            }
        }
    }

    /** Waits for the end of the stream (the process closed it, usually by exiting). */
    void awaitEnd(Duration deadline) throws InterruptedException {
        reader.join(deadline);
        if (reader.isAlive()) {
            throw new AssertionError("the stream is still open after " + deadline);
        }
    }

    private void collect(InputStream stream) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException closed) {
            // Our end was closed (the process was killed): the lines so far are all there will be.
            synchronized (lines) {
                lines.add("[stream closed: " + closed.getMessage() + "]");
            }
        } finally {
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }
}
