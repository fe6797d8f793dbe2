package org.cavechat.daemon;

/**
 * How many messages one member may still send now under {@code --max-message-rate}: a token bucket that holds
 * at most one second's worth and refills at the rate, so a member may send a burst of that many and then keeps
 * to the rate. A member without allowance is not read (TCP then slows it), not disconnected. Event-loop thread
 * only; times are {@link System#nanoTime()} values handed in, so a test can drive it.
 */
final class MessageAllowance {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private double tokens;
    private long updatedAtNanos;

    MessageAllowance(int perSecond, long nowNanos) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.updatedAtNanos = nowNanos;
    }

    /** True when a message may be taken from this member at {@code now}. */
    boolean hasMessage(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1;
    }

    /** A message was taken; true when another may follow at once. */
    boolean spend(long nowNanos) {
        refill(nowNanos);
        tokens = Math.max(0, tokens - 1);
        return tokens >= 1;
    }

    /** Nanoseconds from {@code now} until a message may be taken again; 0 if it may now. */
    long nanosToNextMessage(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / perSecond);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedAtNanos;
        if (elapsed > 0) {
            tokens = Math.min(perSecond, tokens + (double) elapsed * perSecond / NANOS_PER_SECOND);
            updatedAtNanos = nowNanos;
        }
    }
}
