package org.cavechat.daemon;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Answers the one request of a metrics connection, then closes it: {@code /metrics} and {@code /healthz} to GET
 * and HEAD, 405 to other methods, 404 to other paths, 400 to what is not HTTP. One request per connection keeps
 * the memory of a connection to one answer, whatever a client pipelines. Runs on the metrics thread.
 */
final class MetricsRoutes extends SimpleChannelInboundHandler<HttpObject> {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String SERVING = "serving\n";
    static final String NOT_SERVING = "not serving\n";

    /**
     * What the routes serve: the registry to render and whether the chat serves, and where failures are told.
     * Shared by all connections.
     */
    record Pages(PrometheusRegistry registry, BooleanSupplier serving, Log log) {}

    private static final PrometheusTextFormatWriter FORMAT = PrometheusTextFormatWriter.create();
    /** About what the daemon's families take today, so the buffer rarely grows while rendering. */
    private static final int EXPOSITION_BYTES = 16 * 1024;

    private final Pages pages;
    private boolean answered;

    MetricsRoutes(Pages pages) {
        this.pages = pages;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject message) throws IOException {
        if (answered || !(message instanceof HttpRequest request)) {
            return;
        }
        answered = true;
        FullHttpResponse response = answer(request, context);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** A peer's reset is its own business; anything else is a defect in rendering, worth a line in the log. */
    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (!(cause instanceof IOException)) {
            pages.log().error("metrics: request from " + context.channel().remoteAddress() + " failed", cause);
        }
        context.close();
    }

    private FullHttpResponse answer(HttpRequest request, ChannelHandlerContext context) throws IOException {
        if (!request.decoderResult().isSuccess()) {
            return page(HttpResponseStatus.BAD_REQUEST, TEXT, bytes("bad request\n"), false);
        }
        String path = new QueryStringDecoder(request.uri()).path();
        boolean known = path.equals(MetricsEndpoint.METRICS_PATH) || path.equals(MetricsEndpoint.HEALTH_PATH);
        HttpMethod method = request.method();
        boolean head = method.equals(HttpMethod.HEAD);
        if (!known) {
            return page(HttpResponseStatus.NOT_FOUND, TEXT, bytes("not found\n"), false);
        }
        if (!head && !method.equals(HttpMethod.GET)) {
            FullHttpResponse refused = page(HttpResponseStatus.METHOD_NOT_ALLOWED, TEXT,
                    bytes("GET or HEAD\n"), false);
            refused.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            return refused;
        }
        if (path.equals(MetricsEndpoint.HEALTH_PATH)) {
            boolean serving = pages.serving().getAsBoolean();
            return page(serving ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, TEXT,
                    bytes(serving ? SERVING : NOT_SERVING), head);
        }
        return page(HttpResponseStatus.OK, PrometheusTextFormatWriter.CONTENT_TYPE, exposition(context), head);
    }

    /** A response whose Content-Length is the body's; to HEAD, the same headers without the body. */
    private static FullHttpResponse page(HttpResponseStatus status, String contentType, ByteBuf body, boolean head) {
        int length = body.readableBytes();
        if (head) {
            body.release();
            body = Unpooled.EMPTY_BUFFER;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        return response;
    }

    /** Renders every family; a collector that fails ends in {@link #exceptionCaught}, which cuts the connection. */
    private ByteBuf exposition(ChannelHandlerContext context) throws IOException {
        ByteBuf body = context.alloc().heapBuffer(EXPOSITION_BYTES);
        boolean written = false;
        try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
            FORMAT.write(out, pages.registry().scrape());
            written = true;
        } finally {
            if (!written) {
                body.release();
            }
        }
        return body;
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
