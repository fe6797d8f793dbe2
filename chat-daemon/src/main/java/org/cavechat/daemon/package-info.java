/**
 * The CaveChat daemon: the chat server of "Let's Write a Chat App in Python", byte for byte, with the
 * original's defects removed.
 *
 * <p>{@link org.cavechat.daemon.ChatServer} is the seam for embedding (tests, bots, benchmarks): hand it a
 * {@link org.cavechat.daemon.DaemonConfig} and a {@link org.cavechat.daemon.Log}, read its port, close it.
 * {@link org.cavechat.daemon.InMemoryRoom} is the seam for measuring a broadcast in process: the real room over
 * in-memory sockets, without the kernel. {@link org.cavechat.daemon.Main} is the command line that operators
 * run. Everything else is
 * package-private: one event-loop thread ({@code EventLoop}) owns every {@code Connection}; the
 * {@code Room} turns decoded text into protocol events and broadcasts {@code ServerItem}s, encoded once per
 * {@code Framing} by {@code ItemEncoder}, into each member's {@code Outbox}. With {@code --metrics},
 * {@code MetricsEndpoint} serves {@code /metrics} and {@code /healthz} on a Netty thread of its own, reading only
 * {@link org.cavechat.daemon.DaemonStats}. docs/concurrency.md tells the threading story on one page.
 */
package org.cavechat.daemon;
