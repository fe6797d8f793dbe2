package org.cavechat.bots.swarm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.cavechat.bots.Framing;
import org.cavechat.bots.ServerText;

/**
 * One selector thread driving a share of the swarm's bots: it finishes their connects, joins them, and
 * hands their input to its {@link Reception} and their due messages to its {@link Transmitter}. Every bot
 * and both halves are confined to the loop's thread; other threads talk to it through {@link #post}.
 */
final class BotLoop implements Runnable, Transmitter.Failures {
    static final long HIGHEST_MICROS = Reception.HIGHEST_MICROS;
    /** Gap numbers all ledgers together may remember (about 60 MB at worst), shared out per bot. */
    private static final int MAX_MISSING_IN_ALL = 1_000_000;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final long JOIN_CHECK_NANOS = 100_000_000L;
    /** A busy select can hand over thousands of keys; due messages are sent between them, not after all. */
    private static final int SEND_CHECK_EVERY_KEYS = 32;

    final Reception reception;
    final Transmitter transmitter;

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final SwarmCounters counters;
    private final Semaphore joinSlots;
    private final byte[] quitLine;
    private final long joinTimeoutNanos;
    private final int maxMissingPerBot;
    private final List<Bot> bots = new ArrayList<>();
    private final List<Bot> joining = new ArrayList<>();
    private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final Thread thread;
    private volatile IOException failure;
    /** When the loop, asleep in its selector, has a message due; MAX_VALUE when awake or nothing is due. */
    private volatile long asleepUntil = Long.MAX_VALUE;
    private boolean stopped;
    private long nextJoinCheck;
    private int handledSinceSend;

    BotLoop(String name, SwarmCounters counters, Semaphore joinSlots, Framing framing, int messageBytes,
            long joinTimeoutNanos, int bots) throws IOException {
        this.selector = Selector.open();
        this.counters = counters;
        this.joinSlots = joinSlots;
        this.quitLine = framing.frame(ServerText.QUIT);
        this.joinTimeoutNanos = joinTimeoutNanos;
        this.maxMissingPerBot = Math.max(100, MAX_MISSING_IN_ALL / bots);
        this.reception = new Reception(counters);
        this.transmitter = new Transmitter(counters, this, framing, messageBytes);
        this.thread = new Thread(this, name);
        thread.setDaemon(true); // stopped explicitly; a daemon only so that a failed start cannot hang the JVM
    }

    void start() {
        thread.start();
    }

    /** Runs {@code task} on the loop thread, soon. */
    void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** For the {@link SendClock}: when this loop, asleep, next has a message to send. Any thread. */
    long asleepUntil() {
        return asleepUntil;
    }

    /** A message is due: stop sleeping. Any thread. */
    void wakeToSend() {
        selector.wakeup();
    }

    /** Takes a bot whose connect has been started; from now on only this loop touches it. */
    void adopt(Bot bot) {
        post(() -> register(bot));
    }

    /** Hands every member its ledger and every talker its schedule; bots still joining are given up. */
    void beginTraffic(TrafficPlan traffic, int[] talkerOf, long[] phases) {
        post(() -> {
            reception.begin(traffic);
            transmitter.begin(traffic);
            for (Bot bot : bots) {
                if (bot.state == Bot.State.CONNECTING || bot.state == Bot.State.JOINING) {
                    end(bot, BotEnd.CONNECT_TIMEOUT, "still joining when traffic began");
                } else if (bot.state == Bot.State.MEMBER) {
                    bot.ledger = new DeliveryLedger(traffic.talkers(), maxMissingPerBot);
                    int talker = talkerOf[bot.index];
                    if (talker >= 0) {
                        bot.talker = talker;
                        bot.phaseNanos = phases[talker];
                        transmitter.schedule(bot);
                    }
                }
            }
        });
    }

    /** Says goodbye on every open connection and ends the thread; {@link #join} waits for it. */
    void stop() {
        post(() -> stopped = true);
    }

    void join() throws InterruptedException {
        thread.join();
    }

    /** The selector's own failure, which ended the loop early, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                long now = System.nanoTime();
                transmitter.sendDue(now);
                expireJoins(now);
                long wait = transmitter.waitMillis(System.nanoTime());
                if (wait == 0) {
                    selector.selectNow(this::handle);
                } else {
                    asleepUntil = transmitter.nextSendNanos();
                    selector.select(this::handle, wait);
                    asleepUntil = Long.MAX_VALUE;
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            closeAll();
        }
    }

    private void register(Bot bot) {
        bots.add(bot);
        bot.joinDeadline = System.nanoTime() + joinTimeoutNanos;
        joining.add(bot);
        try {
            bot.key = bot.channel.register(selector, SelectionKey.OP_CONNECT, bot);
            if (bot.channel.isConnected()) {
                connected(bot);
            }
        } catch (IOException e) {
            end(bot, BotEnd.of(e, bot.state), e.getMessage());
        }
    }

    private void handle(SelectionKey key) {
        if (++handledSinceSend == SEND_CHECK_EVERY_KEYS) {
            handledSinceSend = 0;
            transmitter.sendDue(System.nanoTime());
        }
        Bot bot = (Bot) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                connected(bot);
                return;
            }
            if (key.isWritable()) {
                transmitter.flush(bot);
            }
            if (key.isValid() && key.isReadable()) {
                read(bot);
            }
        } catch (IOException e) {
            end(bot, BotEnd.of(e, bot.state), e.getMessage());
        }
    }

    private void connected(Bot bot) throws IOException {
        if (!bot.channel.finishConnect()) {
            return;
        }
        counters.connected.increment();
        bot.state = Bot.State.JOINING;
        bot.key.interestOps(SelectionKey.OP_READ);
        ByteBuffer line = ByteBuffer.wrap(bot.name);
        bot.channel.write(line);
        if (line.hasRemaining()) {
            end(bot, BotEnd.CONNECT_FAILED, "could not send the name at once");
        }
    }

    private void read(Bot bot) throws IOException {
        in.clear();
        int count = bot.channel.read(in);
        if (count < 0) {
            end(bot, closedReason(bot), "end of stream");
            return;
        }
        long now = System.nanoTime();
        byte[] bytes = in.array();
        if (bot.state == Bot.State.JOINING) {
            int used = bot.join.feed(bytes, 0, count);
            if (used == JoinWatch.REFUSED) {
                end(bot, bot.join.refusalReason(), "refused");
                return;
            }
            if (used == JoinWatch.PENDING) {
                return;
            }
            becomeMember(bot);
            reception.receive(bot, bytes, used, count - used, now);
        } else if (bot.state == Bot.State.MEMBER) {
            reception.receive(bot, bytes, 0, count, now);
        }
    }

    private void becomeMember(Bot bot) {
        bot.state = Bot.State.MEMBER;
        bot.join = null;
        counters.joined.increment();
        counters.members.increment();
        counters.joinResolved();
        joinSlots.release();
    }

    private void expireJoins(long now) {
        if (now < nextJoinCheck || joining.isEmpty()) {
            return;
        }
        nextJoinCheck = now + JOIN_CHECK_NANOS;
        joining.removeIf(bot -> bot.state != Bot.State.CONNECTING && bot.state != Bot.State.JOINING);
        for (Bot bot : List.copyOf(joining)) {
            if (now - bot.joinDeadline > 0) {
                end(bot, BotEnd.CONNECT_TIMEOUT, "no welcome within the join timeout");
            }
        }
    }

    @Override
    public void writeFailed(Bot bot, IOException e) {
        end(bot, BotEnd.WRITE_FAILED, e.getMessage());
    }

    /** Ends a bot for {@code reason}: closes it and counts it; later events for it are ignored. */
    private void end(Bot bot, BotEnd reason, String detail) {
        Bot.State was = bot.state;
        if (was == Bot.State.ENDED) {
            return;
        }
        bot.state = Bot.State.ENDED;
        closeQuietly(bot);
        counters.ended(reason, reason.text() + (detail == null ? "" : ": " + detail));
        if (was == Bot.State.MEMBER) {
            counters.members.decrement();
            if (bot.ledger != null) {
                counters.departedDeliveries.add(bot.ledger.unique());
            }
        } else {
            counters.joinResolved();
            joinSlots.release();
        }
        transmitter.forget(bot);
    }

    private static BotEnd closedReason(Bot bot) {
        if (bot.state == Bot.State.JOINING) {
            return bot.join.closedReason();
        }
        return bot.lastReceived(ServerText.SHUTDOWN) ? BotEnd.SERVER_SHUTDOWN : BotEnd.SERVER_CLOSED;
    }

    /** The swarm is over: members say {@code {quit}} if their socket takes it at once, then every socket closes. */
    private void closeAll() {
        for (Bot bot : bots) {
            if (bot.state == Bot.State.MEMBER && bot.pending == null) {
                try {
                    bot.channel.write(ByteBuffer.wrap(quitLine));
                } catch (IOException e) {
                    counters.closeFailures.increment();
                }
            }
            closeQuietly(bot);
        }
        try {
            selector.close();
        } catch (IOException e) {
            counters.closeFailures.increment();
        }
    }

    private void closeQuietly(Bot bot) {
        try {
            bot.channel.close();
        } catch (IOException e) {
            counters.closeFailures.increment();
        }
    }
}
