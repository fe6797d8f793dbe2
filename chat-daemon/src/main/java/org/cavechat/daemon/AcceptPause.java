package org.cavechat.daemon;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * On the metrics listener: when accept fails (typically EMFILE, out of descriptors), stop accepting for
 * {@link #PAUSE_MILLIS} instead of retrying at once, and say so at most once a minute ({@link ThrottledLog}).
 * The listening socket stays readable while the kernel holds the connection it could not hand over, so
 * retrying at once is a busy loop: the JDK's own HTTP server does exactly that, at one core's worth of CPU,
 * which is why the daemon does not use it. Netty pauses for a second too, but then logs every failure through
 * its own logger; this says it in the daemon's log, like the chat's listener does. Runs on the metrics thread.
 */
final class AcceptPause extends ChannelInboundHandlerAdapter {
    static final long PAUSE_MILLIS = 1000;

    private final ThrottledLog failures;

    AcceptPause(Log log) {
        this.failures = new ThrottledLog(log, LogLevel.ERROR);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        ChannelConfig config = context.channel().config();
        if (config.isAutoRead()) {
            failures.write("metrics: accept failed, pausing metrics accepts for " + PAUSE_MILLIS + " ms: "
                    + cause.getMessage());
            config.setAutoRead(false);
            context.channel().eventLoop().schedule(() -> {
                config.setAutoRead(true);
            }, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
