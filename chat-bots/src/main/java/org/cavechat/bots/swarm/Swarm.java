package org.cavechat.bots.swarm;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.cavechat.bots.ConnectFailure;
import org.cavechat.bots.Framing;

/**
 * One swarm run from start to report: ramp the bots up, wait for their joins, let the talkers send
 * (warm-up, then the measured window), drain what is still on its way, stop, and tally. The caller's
 * thread runs the phases and starts the connects; the {@link BotLoop}s do all socket work; a scheduled
 * thread ticks the {@link Progress} once a second.
 */
final class Swarm {
    private static final long TRAFFIC_DELAY_NANOS = 200_000_000L;
    private static final long POLL_NANOS = 20_000_000L;
    private static final int ABORT_AFTER_FAILURES = 20;
    /**
     * Asked for before connecting, so the window is large from the first message. Left to autotuning, a
     * socket starts near 64 KB and grows only as the bot reads: at 45 MB/s to each of 10 members the window,
     * not the server, limited the first second, and the server's outbox budget ran out behind it. The kernel
     * holds memory only for bytes actually queued.
     */
    private static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    private final SwarmPlan plan;
    private final PrintWriter err;
    private final SwarmCounters counters;
    private final Semaphore joinSlots;
    private final List<BotLoop> loops = new ArrayList<>();
    private SendClock clock;
    private final Bot[] bots;
    private final long origin = System.nanoTime();
    private long scheduledMeasured;

    Swarm(SwarmPlan plan, PrintWriter err) {
        this.plan = plan;
        this.err = err;
        this.counters = new SwarmCounters(plan.bots());
        // The original server, the one legacy framing is for, cannot take concurrent joins: one at a time.
        this.joinSlots = new Semaphore(plan.framing() == Framing.LEGACY ? 1 : plan.bots());
        this.bots = new Bot[plan.bots()];
    }

    /** Runs the whole swarm; returns its figures, or throws when not a single bot could join. */
    SwarmSummary run() throws SwarmAbort, IOException, InterruptedException {
        Progress progress = new Progress(loops, counters, origin, err,
                plan.reportDir() == null ? null : plan.reportDir().resolve(ReportFiles.LOG));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "swarm-progress");
            thread.setDaemon(true);
            return thread;
        });
        try {
            startLoops();
            ticker.scheduleAtFixedRate(() -> progress.tick(plan.progress()), 1, 1, TimeUnit.SECONDS);
            ramp();
            TrafficPlan traffic = beginTraffic(progress);
            String endNote = awaitEnd(traffic, progress);
            boolean drained = drain(traffic, progress);
            ticker.shutdown();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            // After the loops stop the counters are final, so the series adds up to the summary's totals.
            stopLoops();
            progress.tick(plan.progress());
            return SwarmSummary.of(plan, traffic, scheduledMeasured, counters, loops, bots, progress.samples(),
                    drained, endNote, (System.nanoTime() - origin) / 1e9);
        } finally {
            ticker.shutdownNow();
            stopLoops();
            progress.close();
        }
    }

    private void startLoops() throws IOException {
        for (int i = 0; i < plan.selectors(); i++) {
            BotLoop loop = new BotLoop("swarm-loop-" + i, counters, joinSlots, plan.framing(), plan.messageBytes(),
                    plan.joinTimeout().toNanos(), plan.bots());
            loops.add(loop);
            loop.start();
        }
        clock = new SendClock(loops);
        clock.start();
    }

    private void ramp() throws SwarmAbort, InterruptedException {
        InetAddress[] sources = sourceAddresses();
        long start = System.nanoTime();
        double gapNanos = 1e9 / plan.rampPerSecond();
        for (int i = 0; i < bots.length; i++) {
            LockSupport.parkNanos(start + (long) (i * gapNanos) - System.nanoTime());
            joinSlots.tryAcquire(plan.joinTimeout().toNanos() + 1_000_000_000L, TimeUnit.NANOSECONDS);
            connect(i, sources == null ? null : sources[i % sources.length]);
            if (counters.connected.sum() == 0 && counters.failedJoins() >= Math.min(bots.length, ABORT_AFTER_FAILURES)) {
                throw cannotConnect();
            }
        }
        counters.awaitJoins(plan.joinTimeout().toNanos() + 1_000_000_000L);
        if (counters.joined.sum() == 0) {
            throw counters.connected.sum() == 0 ? cannotConnect()
                    : new SwarmAbort(1, "no bot could join " + address() + ": " + counters.firstConnectError());
        }
    }

    private void connect(int index, InetAddress source) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
            if (source != null) {
                channel.bind(new InetSocketAddress(source, 0));
            }
            Bot bot = new Bot(index, plan.namePrefix() + index, plan.framing(), channel, plan.maxPayloadBytes());
            bots[index] = bot;
            channel.connect(plan.server());
            loops.get(index % loops.size()).adopt(bot);
        } catch (IOException e) {
            bots[index] = null;
            closeFailed(channel);
            counters.ended(BotEnd.of(e, Bot.State.CONNECTING), e.getMessage());
            counters.joinResolved();
            joinSlots.release();
        }
    }

    private void closeFailed(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            counters.closeFailures.increment();
        }
    }

    /** 127.0.0.1, .2, … when asked for several and the server is on IPv4 loopback; null for the kernel's choice. */
    private InetAddress[] sourceAddresses() {
        InetAddress server = plan.server().getAddress();
        if (plan.sourceAddresses() <= 1 || server == null || !server.isLoopbackAddress()
                || server.getAddress().length != 4) {
            return null;
        }
        InetAddress[] sources = new InetAddress[plan.sourceAddresses()];
        for (int i = 0; i < sources.length; i++) {
            try {
                sources[i] = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (i + 1)});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /** Picks the talkers among the members (seeded), spreads their phases and hands the plan to the loops. */
    private TrafficPlan beginTraffic(Progress progress) {
        List<Bot> members = new ArrayList<>();
        for (Bot bot : bots) {
            if (bot != null && bot.state == Bot.State.MEMBER) {
                members.add(bot);
            }
        }
        Random random = new Random(plan.seed());
        Collections.shuffle(members, random);
        int talkers = Math.max(1, (int) Math.round(plan.talkerShare() * members.size()));
        int[] talkerOf = new int[bots.length];
        Arrays.fill(talkerOf, -1);
        double interval = plan.intervalNanos(talkers);
        long[] phases = new long[talkers];
        long start = System.nanoTime() + TRAFFIC_DELAY_NANOS;
        long measureStart = start + plan.warmup().toNanos();
        TrafficPlan traffic = new TrafficPlan(origin, start, measureStart, measureStart + plan.duration().toNanos(),
                interval, talkers);
        for (int t = 0; t < talkers; t++) {
            talkerOf[members.get(t).index] = t;
            phases[t] = (long) (random.nextDouble() * interval);
            counters.scheduledRemaining.add(traffic.scheduledTotal(phases[t]));
            scheduledMeasured += traffic.scheduledMeasured(phases[t]);
        }
        for (BotLoop loop : loops) {
            loop.beginTraffic(traffic, talkerOf, phases);
        }
        progress.phase(plan.warmup().isZero() ? "measure" : "warm-up");
        return traffic;
    }

    /** Waits out the traffic; returns why it ended early (every member gone), or null. */
    private String awaitEnd(TrafficPlan traffic, Progress progress) {
        while (System.nanoTime() - traffic.sendEnd() < 0) {
            if (System.nanoTime() - traffic.measureStart() >= 0) {
                progress.phase("measure");
            }
            if (counters.members.sum() == 0) {
                return String.format(Locale.ROOT, "every member was disconnected by %.1f s",
                        (System.nanoTime() - origin) / 1e9);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return null;
    }

    /** Waits, at most the drain period, until every member has everything that was sent; true if so. */
    private boolean drain(TrafficPlan traffic, Progress progress) {
        progress.phase("drain");
        long deadline = traffic.sendEnd() + plan.drain().toNanos();
        while (!everythingArrived()) {
            if (System.nanoTime() - deadline >= 0 || counters.members.sum() == 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    private boolean everythingArrived() {
        long expected = counters.sent.sum() * counters.members.sum();
        long arrived = counters.delivered.sum() - counters.departedDeliveries.sum();
        return counters.scheduledRemaining.sum() <= 0 && counters.botsWithPendingOutput.sum() == 0
                && arrived >= expected;
    }

    private void stopLoops() throws InterruptedException {
        if (clock != null) {
            clock.stop();
        }
        for (BotLoop loop : loops) {
            loop.stop();
        }
        for (BotLoop loop : loops) {
            loop.join();
            if (loop.failure() != null) {
                throw new UncheckedIOException("a selector failed", loop.failure());
            }
        }
    }

    private SwarmAbort cannotConnect() {
        String reason = counters.firstConnectEnd() == BotEnd.CONNECT_REFUSED ? ConnectFailure.REFUSED
                : counters.firstConnectError();
        return new SwarmAbort(3, "cannot connect to " + address() + (reason == null ? "" : ": " + reason));
    }

    private String address() {
        return plan.server().getHostString() + ":" + plan.server().getPort();
    }
}
