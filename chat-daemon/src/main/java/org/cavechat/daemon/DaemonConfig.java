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
 * @param outboxBytes   per-connection budget of queued output; past it the peer is a slow consumer
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
        require(maxLineBytes >= 1 && maxLineBytes <= MAX_LINE_BYTES_LIMIT,
                "max line bytes must be between 1 and " + MAX_LINE_BYTES_LIMIT + ", not " + maxLineBytes);
        require(nameTimeout.isPositive(), "name timeout must be positive, not " + nameTimeout);
        require(!shutdownGrace.isNegative(), "shutdown grace must not be negative, not " + shutdownGrace);
    }

    /** The documented defaults (docs/protocol.md): all interfaces, port 33000. */
    public static DaemonConfig defaults() {
        return new DaemonConfig(wildcard(), 33000, 1024, 16384, 1 << 20, 4096,
                Duration.ofSeconds(300), Duration.ofSeconds(5), Greeting.REPOSITORY, FramingPolicy.AUTO);
    }

    public DaemonConfig withBindAddress(InetAddress value) {
        return new DaemonConfig(value, port, backlog, maxConnections, outboxBytes, maxLineBytes,
                nameTimeout, shutdownGrace, greeting, framing);
    }

    public DaemonConfig withPort(int value) {
        return new DaemonConfig(bindAddress, value, backlog, maxConnections, outboxBytes, maxLineBytes,
                nameTimeout, shutdownGrace, greeting, framing);
    }

    public DaemonConfig withBacklog(int value) {
        return new DaemonConfig(bindAddress, port, value, maxConnections, outboxBytes, maxLineBytes,
                nameTimeout, shutdownGrace, greeting, framing);
    }

    public DaemonConfig withMaxConnections(int value) {
        return new DaemonConfig(bindAddress, port, backlog, value, outboxBytes, maxLineBytes,
                nameTimeout, shutdownGrace, greeting, framing);
    }

    public DaemonConfig withOutboxBytes(int value) {
        return new DaemonConfig(bindAddress, port, backlog, maxConnections, value, maxLineBytes,
                nameTimeout, shutdownGrace, greeting, framing);
    }

    public DaemonConfig withMaxLineBytes(int value) {
        return new DaemonConfig(bindAddress, port, backlog, maxConnections, outboxBytes, value,
                nameTimeout, shutdownGrace, greeting, framing);
    }

    public DaemonConfig withNameTimeout(Duration value) {
        return new DaemonConfig(bindAddress, port, backlog, maxConnections, outboxBytes, maxLineBytes,
                value, shutdownGrace, greeting, framing);
    }

    public DaemonConfig withShutdownGrace(Duration value) {
        return new DaemonConfig(bindAddress, port, backlog, maxConnections, outboxBytes, maxLineBytes,
                nameTimeout, value, greeting, framing);
    }

    public DaemonConfig withGreeting(Greeting value) {
        return new DaemonConfig(bindAddress, port, backlog, maxConnections, outboxBytes, maxLineBytes,
                nameTimeout, shutdownGrace, value, framing);
    }

    public DaemonConfig withFraming(FramingPolicy value) {
        return new DaemonConfig(bindAddress, port, backlog, maxConnections, outboxBytes, maxLineBytes,
                nameTimeout, shutdownGrace, greeting, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static InetAddress wildcard() {
        return new java.net.InetSocketAddress(0).getAddress();
    }
}
