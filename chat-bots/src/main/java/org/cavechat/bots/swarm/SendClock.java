package org.cavechat.bots.swarm;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes a {@link BotLoop} asleep in its selector shortly before its next message falls due. A selector sleeps in
 * whole milliseconds, so on its own a loop sent up to a millisecond late, and at light load that lateness was most
 * of the latency measured from the intended send time. The clock wakes the loop {@link Transmitter#SPIN_LEAD_NANOS}
 * early (a park oversleeps by the timer slack, a wakeup crosses cores), and the loop polls the rest of the way, so
 * a message leaves within microseconds of its time. Its own thread; it reads what the loops publish and only wakes them.
 */
final class SendClock implements Runnable {
    /** How long the clock sleeps when no loop is waiting for a send; a loop's own timeout is the fallback. */
    private static final long IDLE_PARK_NANOS = 1_000_000L;
    /** After waking a loop, look again soon: the loop publishes its next due time once it has sent. */
    private static final long RECHECK_NANOS = 50_000L;

    private final List<BotLoop> loops;
    private final Thread thread;
    private volatile boolean stopped;

    SendClock(List<BotLoop> loops) {
        this.loops = List.copyOf(loops);
        this.thread = new Thread(this, "swarm-clock");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        stopped = true;
        LockSupport.unpark(thread);
        thread.join();
    }

    @Override
    public void run() {
        while (!stopped) {
            long now = System.nanoTime();
            long park = IDLE_PARK_NANOS;
            for (BotLoop loop : loops) {
                long due = loop.asleepUntil();
                if (due == Long.MAX_VALUE) {
                    continue;
                }
                if (due - now <= 0) {
                    loop.wakeToSend();
                    park = Math.min(park, RECHECK_NANOS);
                } else {
                    park = Math.min(park, due - now);
                }
            }
            LockSupport.parkNanos(park);
        }
    }
}
