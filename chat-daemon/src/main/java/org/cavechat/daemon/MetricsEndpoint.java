package org.cavechat.daemon;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Serves {@code GET /metrics} (Prometheus text format) and {@code GET /healthz} over HTTP/1.1 with Netty, on
 * one thread of its own that never blocks: a client that sends half a request, or stops reading its answer,
 * holds a descriptor and a few KiB, never a thread, so every other scrape goes through. Each connection
 * serves one request and lives at most the request timeout; at most {@link #MAX_CONNECTIONS} are open; when
 * accept fails (out of descriptors) accepting pauses instead of spinning. The chat's event loop never waits
 * for any of it: a scrape only reads {@link DaemonStats}. docs/security.md "Stalled metrics scrapes" says why.
 */
final class MetricsEndpoint implements AutoCloseable {
    static final String METRICS_PATH = "/metrics";
    static final String HEALTH_PATH = "/healthz";
    /** Time a connection has to send its request and read the answer; Prometheus's own default timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Open metrics connections; a scraper needs one, so the rest only bounds what a flood can hold. */
    static final int MAX_CONNECTIONS = 32;
    /** A request line and headers larger than these are refused, so a request can never grow memory. */
    private static final int MAX_REQUEST_LINE_BYTES = 4096;
    private static final int MAX_HEADER_BYTES = 8192;

    private final EventLoopGroup thread;
    private final Channel listener;
    private final Health health;

    private MetricsEndpoint(EventLoopGroup thread, Channel listener, Health health) {
        this.thread = thread;
        this.listener = listener;
        this.health = health;
    }

    /**
     * Listens on {@code address} (port 0 picks a free one) and serves {@code stats} until closed; {@code /healthz}
     * says "not serving" until {@link #watch} names the server. Started before the chat's listener, so that a
     * metrics address that cannot be bound stops the start-up before any chat client is accepted.
     */
    static MetricsEndpoint start(InetSocketAddress address, DaemonStats stats, Log log) throws IOException {
        return start(address, stats, log, REQUEST_TIMEOUT);
    }

    /** Starts serving a running server's metrics and health at once, with a request timeout of its own (tests). */
    static MetricsEndpoint start(InetSocketAddress address, ChatServer server, Log log, Duration requestTimeout)
            throws IOException {
        MetricsEndpoint endpoint = start(address, server.stats(), log, requestTimeout);
        endpoint.watch(server);
        return endpoint;
    }

    /** As {@link #start(InetSocketAddress, ChatServer, Log, Duration)} with the default request timeout. */
    static MetricsEndpoint start(InetSocketAddress address, ChatServer server, Log log) throws IOException {
        return start(address, server, log, REQUEST_TIMEOUT);
    }

    private static MetricsEndpoint start(InetSocketAddress address, DaemonStats stats, Log log,
            Duration requestTimeout) throws IOException {
        Health health = new Health();
        MetricsRoutes.Pages pages = new MetricsRoutes.Pages(registry(stats), health, log);
        EventLoopGroup thread = new MultiThreadIoEventLoopGroup(1,
                Thread.ofPlatform().name("cavechat-metrics").daemon().factory(), NioIoHandler.newFactory());
        AtomicInteger open = new AtomicInteger();
        ThrottledLog refusals = new ThrottledLog(log, LogLevel.WARN);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(thread)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, MAX_CONNECTIONS)
                // A scrape now and then needs no buffer pool; unpooled buffers leave nothing behind.
                .option(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .handler(new AcceptPause(log))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        admit(channel, open, requestTimeout, pages, refusals);
                    }
                });
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            thread.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
            throw bound.cause() instanceof IOException failed ? failed : new IOException(bound.cause());
        }
        return new MetricsEndpoint(thread, bound.channel(), health);
    }

    /** From now on {@code /healthz} reports whether {@code server} serves. Any thread. */
    void watch(ChatServer server) {
        health.server = server;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Stops listening and closes every connection at once; a scrape in flight is cut, which Prometheus retries. */
    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        thread.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /**
     * The chat's families, then the JVM's and the process's from the Prometheus client's own collectors. A
     * registry per endpoint, never the client's static default one: two servers in one JVM share nothing.
     */
    private static PrometheusRegistry registry(DaemonStats stats) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new ChatCollector(stats, ProjectVersion.version()));
        JvmMetrics.builder().register(registry);
        return registry;
    }

    /** What {@code /healthz} reports: not serving until a server is watched, then whether it serves. */
    private static final class Health implements BooleanSupplier {
        private volatile ChatServer server;

        @Override
        public boolean getAsBoolean() {
            ChatServer watched = server;
            return watched != null && watched.serving();
        }
    }

    /** Sets up one connection, or closes it at once when {@link #MAX_CONNECTIONS} are open. Metrics thread. */
    private static void admit(SocketChannel channel, AtomicInteger open, Duration requestTimeout,
            MetricsRoutes.Pages pages, ThrottledLog refusals) {
        int count = open.incrementAndGet();
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        if (count > MAX_CONNECTIONS) {
            refusals.write("metrics: refused a connection from " + channel.remoteAddress() + ": " + MAX_CONNECTIONS
                    + " are open");
            channel.close();
            return;
        }
        // The whole exchange, not each read: a client that trickles a byte now and then is cut all the same.
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
            channel.close();
        }, requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(closed -> deadline.cancel(false));
        channel.pipeline()
                .addLast(new HttpServerCodec(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, MAX_HEADER_BYTES))
                .addLast(new MetricsRoutes(pages));
    }
}
