package org.cavechat.bots.swarm;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One selector thread driving a share of the swarm's bots: it finishes their connects, joins them, sends
 * each talker's messages when they are due and reads and checks everything they receive. Every field is
 * confined to the loop's thread; other threads talk to it through {@link #post} and read only the
 * recorders (single writer, any reader) and, after {@link #join}, the measured histograms.
 */
final class BotLoop implements Runnable, PayloadScanner.Sink {
    static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int MAX_MISSING_PER_BOT = 10_000;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final long JOIN_CHECK_NANOS = 100_000_000L;

    final SingleWriterRecorder latency = new SingleWriterRecorder(HIGHEST_MICROS, 3);
    final SingleWriterRecorder service = new SingleWriterRecorder(HIGHEST_MICROS, 3);
    final Histogram measuredLatency = new Histogram(HIGHEST_MICROS, 3);
    final Histogram measuredService = new Histogram(HIGHEST_MICROS, 3);
    final Histogram measuredSendLag = new Histogram(HIGHEST_MICROS, 3);

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final SwarmCounters counters;
    private final Semaphore joinSlots;
    private final byte[] terminator;
    private final byte[] quitLine;
    private final int messageBytes;
    private final long joinTimeoutNanos;
    private final List<Bot> bots = new ArrayList<>();
    private final List<Bot> joining = new ArrayList<>();
    private final PriorityQueue<Bot> due = new PriorityQueue<>(Comparator.comparingLong((Bot bot) -> bot.nextDue));
    private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final ByteBuffer out;
    private final Thread thread;
    private TrafficPlan plan;
    private volatile IOException failure;
    private boolean stopped;
    private long nextJoinCheck;
    private long localMaxLag;
    private Bot receiving;
    private long receivedAt;
    private final BatchCounts batch = new BatchCounts();

    BotLoop(String name, SwarmCounters counters, Semaphore joinSlots, Framing framing, int messageBytes,
            long joinTimeoutNanos) throws IOException {
        this.selector = Selector.open();
        this.counters = counters;
        this.joinSlots = joinSlots;
        this.terminator = framing.terminator();
        this.quitLine = (framing == Framing.LINE ? "{quit}\n" : "{quit}").getBytes(StandardCharsets.US_ASCII);
        this.messageBytes = messageBytes;
        this.joinTimeoutNanos = joinTimeoutNanos;
        this.out = ByteBuffer.allocate(Math.max(messageBytes, Payload.MAX_HEADER_BYTES) + terminator.length);
        this.thread = new Thread(this, name);
    }

    void start() {
        thread.start();
    }

    /** Runs {@code task} on the loop thread, soon. */
    void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Takes a bot whose connect has been started; from now on only this loop touches it. */
    void adopt(Bot bot) {
        post(() -> register(bot));
    }

    /** Hands every member its ledger and every talker its schedule; bots still joining are given up. */
    void beginTraffic(TrafficPlan traffic, int[] talkerOf, long[] phases) {
        post(() -> {
            plan = traffic;
            for (Bot bot : bots) {
                if (bot.state == Bot.State.CONNECTING || bot.state == Bot.State.JOINING) {
                    end(bot, BotEnd.CONNECT_TIMEOUT, "still joining when traffic began");
                } else if (bot.state == Bot.State.MEMBER) {
                    bot.ledger = new DeliveryLedger(traffic.talkers(), MAX_MISSING_PER_BOT);
                    int talker = talkerOf[bot.index];
                    if (talker >= 0) {
                        bot.talker = talker;
                        bot.phaseNanos = phases[talker];
                        bot.nextDue = traffic.intended(bot.phaseNanos, 0);
                        due.add(bot);
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

    List<Bot> bots() {
        return bots;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                long now = System.nanoTime();
                sendDue(now);
                expireJoins(now);
                long wait = waitMillis(System.nanoTime());
                if (wait == 0) {
                    selector.selectNow(this::handle);
                } else {
                    selector.select(this::handle, wait);
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            closeAll();
        }
    }

    private long waitMillis(long now) {
        Bot next = due.peek();
        if (next == null) {
            return 100;
        }
        long nanos = next.nextDue - now;
        return nanos <= 0 ? 0 : Math.min(100, Math.max(1, nanos / 1_000_000));
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
            end(bot, classify(e, bot.state), e.getMessage());
        }
    }

    private void handle(SelectionKey key) {
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
                flush(bot);
            }
            if (key.isValid() && key.isReadable()) {
                read(bot);
            }
        } catch (IOException e) {
            end(bot, classify(e, bot.state), e.getMessage());
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
            receive(bot, bytes, used, count - used, now);
        } else if (bot.state == Bot.State.MEMBER) {
            receive(bot, bytes, 0, count, now);
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

    private void receive(Bot bot, byte[] bytes, int offset, int count, long now) {
        if (count == 0) {
            return;
        }
        bot.remember(bytes, offset, count);
        receiving = bot;
        receivedAt = now;
        bot.scanner.scan(bytes, offset, count, this);
        batch.flushTo(counters);
    }

    @Override
    public void payload(int sender, long seq, long intended, long actual) {
        if (receiving.ledger == null) {
            batch.malformed++;
            return;
        }
        switch (receiving.ledger.accept(sender, seq)) {
            case IN_ORDER, AHEAD -> batch.delivered++;
            case REORDERED -> {
                batch.delivered++;
                batch.reordered++;
            }
            case DUPLICATE -> {
                batch.duplicated++;
                return;
            }
            case UNKNOWN_SENDER -> {
                batch.malformed++;
                return;
            }
        }
        long intendedAt = plan.origin() + intended;
        long latencyMicros = micros(receivedAt - intendedAt);
        long serviceMicros = micros(receivedAt - (plan.origin() + actual));
        latency.recordValue(latencyMicros);
        service.recordValue(serviceMicros);
        if (plan.measured(intendedAt)) {
            measuredLatency.recordValue(latencyMicros);
            measuredService.recordValue(serviceMicros);
        }
    }

    @Override
    public void malformed() {
        batch.malformed++;
    }

    private void sendDue(long now) {
        if (plan == null) {
            return;
        }
        for (Bot bot; (bot = due.peek()) != null && bot.nextDue <= now; ) {
            due.poll();
            talk(bot, now);
        }
    }

    /** Sends what is due for one talker, until its socket pushes back; then waits for writability. */
    private void talk(Bot bot, long now) {
        while (bot.state == Bot.State.MEMBER && bot.pending == null
                && bot.nextDue <= now && bot.nextDue < plan.sendEnd()) {
            send(bot);
        }
        if (bot.state == Bot.State.MEMBER && bot.pending == null && bot.nextDue < plan.sendEnd()) {
            due.add(bot);
        }
    }

    private void send(Bot bot) {
        long intended = bot.nextDue;
        long actual = System.nanoTime();
        out.clear();
        Payload.encode(out, bot.talker, bot.nextSeq, intended - plan.origin(), actual - plan.origin(), messageBytes);
        out.put(terminator).flip();
        bot.nextSeq++;
        bot.nextDue = plan.intended(bot.phaseNanos, bot.nextSeq);
        counters.scheduledRemaining.decrement();
        if (plan.measured(intended)) {
            long lag = actual - intended;
            measuredSendLag.recordValue(micros(lag));
            if (lag > localMaxLag) {
                localMaxLag = lag;
                counters.maxSendLagNanos.accumulate(lag);
            }
        }
        try {
            bot.channel.write(out);
        } catch (IOException e) {
            end(bot, BotEnd.WRITE_FAILED, e.getMessage());
            return;
        }
        if (out.hasRemaining()) {
            bot.pending = ByteBuffer.allocate(out.remaining()).put(out).flip();
            bot.pendingIntended = intended;
            counters.botsWithPendingOutput.increment();
            bot.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else {
            completed(intended);
            bot.sent++;
        }
    }

    private void flush(Bot bot) throws IOException {
        if (bot.pending == null) {
            bot.key.interestOps(SelectionKey.OP_READ);
            return;
        }
        try {
            bot.channel.write(bot.pending);
        } catch (IOException e) {
            end(bot, BotEnd.WRITE_FAILED, e.getMessage());
            return;
        }
        if (bot.pending.hasRemaining()) {
            return;
        }
        bot.pending = null;
        counters.botsWithPendingOutput.decrement();
        bot.key.interestOps(SelectionKey.OP_READ);
        bot.sent++;
        completed(bot.pendingIntended);
        talk(bot, System.nanoTime());
    }

    private void completed(long intended) {
        counters.sent.increment();
        if (plan.measured(intended)) {
            counters.sentMeasured.increment();
            counters.lastMeasuredSendNanos.accumulate(System.nanoTime());
        }
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

    /** Ends a bot for {@code reason}: closes it and counts it; later events for it are ignored. */
    void end(Bot bot, BotEnd reason, String detail) {
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
        if (bot.talker >= 0 && plan != null) {
            counters.scheduledRemaining.add(bot.nextSeq - plan.scheduledTotal(bot.phaseNanos));
        }
        if (bot.pending != null) {
            bot.pending = null;
            counters.botsWithPendingOutput.decrement();
        }
        due.remove(bot);
    }

    private static BotEnd closedReason(Bot bot) {
        if (bot.state == Bot.State.JOINING) {
            return bot.join.closedReason();
        }
        return bot.lastReceived("shutting down") ? BotEnd.SERVER_SHUTDOWN : BotEnd.SERVER_CLOSED;
    }

    static BotEnd classify(IOException e, Bot.State state) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Too many open files")) {
            return BotEnd.TOO_MANY_FILES;
        }
        if (e instanceof BindException || message.contains("Cannot assign requested address")) {
            return BotEnd.NO_LOCAL_PORT;
        }
        if (state == Bot.State.CONNECTING) {
            return e instanceof ConnectException ? BotEnd.CONNECT_REFUSED : BotEnd.CONNECT_FAILED;
        }
        return BotEnd.RESET;
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

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    }
}
