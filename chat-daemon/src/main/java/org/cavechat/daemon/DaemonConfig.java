package org.cavechat.daemon;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the server is told, built once at the edge (the command line, a test, a benchmark) and passed
 * down. Two servers in one JVM share nothing but what their configs say.
 *
 * @param bindAddress   address to listen on; the wildcard address means all interfaces, like the original
 * @param port          TCP port, 0 for any free port
 * @param backlog       listen backlog (the original's was 5, which stalls connect bursts)
 * @param maxConnections open connections, named or not; one more is told the room is full and closed
 * @param outboxBytes   per-connection budget of the heap queued output pins; past it the peer is a slow consumer
 * @param memoryBudgetBytes ceiling over all outboxes together; past it the connections furthest behind are dropped
 * @param maxMessageRate messages per second one member may send before it is read more slowly; 0 for no limit
 * @param maxLineBytes  longest line-framed message, without its {@code \n}
 * @param nameTimeout   time a new connection has to send an acceptable name
 * @param shutdownGrace how long a shutdown waits for outboxes to drain before closing everything
 * @param greeting      which spelling of the greeting to send
 * @param framing       how each connection's framing is chosen
 */
public record DaemonConfig(
        InetAddress bindAddress,
        int port,
        int backlog,
        int maxConnections,
        int outboxBytes,
        long memoryBudgetBytes,
        int maxMessageRate,
        int maxLineBytes,
        Duration nameTimeout,
        Duration shutdownGrace,
        Greeting greeting,
        FramingPolicy framing) {

    /** The smallest budget that still holds the largest single item (a 1024-byte chunk with a long prefix). */
    static final int MIN_OUTBOX_BYTES = 4096;
    /** A line cap above this would let one line hold more memory than a whole outbox. */
    static final int MAX_LINE_BYTES_LIMIT = 1 << 20;

    public DaemonConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(nameTimeout, "nameTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(framing, "framing");
        require(port >= 0 && port <= 65535, "port must be between 0 and 65535, not " + port);
        require(backlog >= 1, "backlog must be at least 1, not " + backlog);
        require(maxConnections >= 1, "max connections must be at least 1, not " + maxConnections);
        require(outboxBytes >= MIN_OUTBOX_BYTES,
                "outbox bytes must be at least " + MIN_OUTBOX_BYTES + ", not " + outboxBytes);
        require(memoryBudgetBytes >= MIN_OUTBOX_BYTES,
                "memory budget must be at least " + MIN_OUTBOX_BYTES + ", not " + memoryBudgetBytes);
        require(maxMessageRate >= 0, "max message rate must not be negative, not " + maxMessageRate);
        require(maxLineBytes >= 1 && maxLineBytes <= MAX_LINE_BYTES_LIMIT,
                "max line bytes must be between 1 and " + MAX_LINE_BYTES_LIMIT + ", not " + maxLineBytes);
        require(nameTimeout.isPositive(), "name timeout must be positive, not " + nameTimeout);
        require(!shutdownGrace.isNegative(), "shutdown grace must not be negative, not " + shutdownGrace);
    }

    /** The documented defaults (docs/protocol.md): all interfaces, port 33000. */
    public static DaemonConfig defaults() {
        return builder().build();
    }

    /** A builder holding the documented defaults; set what differs, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects values, starting from the documented defaults; {@link #build()} checks them all at once. */
    public static final class Builder {
        private InetAddress bindAddress = wildcard();
        private int port = 33000;
        private int backlog = 1024;
        private int maxConnections = 16384;
        private int outboxBytes = 1 << 20;
        private long memoryBudgetBytes = defaultMemoryBudget();
        private int maxMessageRate;
        private int maxLineBytes = 4096;
        private Duration nameTimeout = Duration.ofSeconds(300);
        private Duration shutdownGrace = Duration.ofSeconds(5);
        private Greeting greeting = Greeting.REPOSITORY;
        private FramingPolicy framing = FramingPolicy.AUTO;

        private Builder() {}

        public Builder bindAddress(InetAddress value) {
            bindAddress = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder backlog(int value) {
            backlog = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder outboxBytes(int value) {
            outboxBytes = value;
            return this;
        }

        public Builder memoryBudgetBytes(long value) {
            memoryBudgetBytes = value;
            return this;
        }

        public Builder maxMessageRate(int value) {
            maxMessageRate = value;
            return this;
        }

        public Builder maxLineBytes(int value) {
            maxLineBytes = value;
            return this;
        }

        public Builder nameTimeout(Duration value) {
            nameTimeout = value;
            return this;
        }

        public Builder shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        public Builder greeting(Greeting value) {
            greeting = value;
            return this;
        }

        public Builder framing(FramingPolicy value) {
            framing = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first value out of range */
        public DaemonConfig build() {
            return new DaemonConfig(bindAddress, port, backlog, maxConnections, outboxBytes, memoryBudgetBytes,
                    maxMessageRate, maxLineBytes,
                    nameTimeout, shutdownGrace, greeting, framing);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * A quarter of the heap this JVM may grow to: the rest holds the connections themselves, their decoders and
     * the JVM's own work, so the daemon fits its heap whatever its clients do.
     */
    public static long defaultMemoryBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    private static InetAddress wildcard() {
        return new java.net.InetSocketAddress(0).getAddress();
    }
}
