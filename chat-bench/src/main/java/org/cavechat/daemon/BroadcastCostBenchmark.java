package org.cavechat.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does one broadcast cost the daemon per member, in process, without the kernel?
 *
 * <p>This class lives in the daemon's package (in the benchmark module, on the class path) to reach
 * the package-private {@link Room}, {@link Connection} and {@link Outbox}. {@code design=OUTBOX} is
 * the daemon's real path, as the event loop runs it: {@link Room#onText} encodes the message once per
 * framing and queues the shared bytes in every member's outbox, then every connection with output is
 * flushed (copy into the loop's 256 KiB direct buffer, one write, consume) into a
 * {@link DiscardingChannel}. {@code design=LOCKED_WRITES} is the baseline: the original's broadcast,
 * encoding per member and writing under a lock ({@link LockedWrites}). One operation is one broadcast
 * to all members; divide by {@code members} for the cost per delivery. Run it with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} over {@code members} is the allocation per delivery.
 *
 * <p>Run: {@code java -jar chat-bench/target/benchmarks.jar BroadcastCostBenchmark -prof gc}.
 * Expect the outbox design to allocate a few hundred bytes per broadcast whatever N is (the encoded
 * item), so well under a byte per delivery at N = 1000, and tens of nanoseconds per delivery; the
 * baseline allocates its item once per member (about 180 bytes per delivery) yet takes no longer
 * here: without the kernel its write is free, while the outbox path touches every member twice
 * (queue, then flush). What the outboxes buy is paid back in system calls, which this leaves out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BroadcastCostBenchmark {
    /** The same 64-byte message the socket benchmarks send. */
    static final String PAYLOAD = "0123456789abcdef".repeat(4);
    private static final int SCRATCH_BYTES = 256 * 1024;
    private static final long OUTBOX_BYTES = 1 << 20;

    @Param({"1", "10", "100", "1000", "5000"})
    public int members;

    @Param({"OUTBOX", "LOCKED_WRITES"})
    public String design;

    @Param({"LINE", "LEGACY"})
    public String framing;

    private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
    private final FlowControl flow = new FlowControl(OUTBOX_BYTES);
    private final List<DiscardingChannel> channels = new ArrayList<>();
    private final LockedWrites lockedWrites = new LockedWrites();
    private DaemonStats stats;
    private Room room;
    private Connection sender;
    private long broadcasts;

    @Setup(Level.Trial)
    public void joinRoom() throws IOException {
        stats = new DaemonStats();
        room = new Room(stats, flow, Log.silent(), scratch);
        MemoryBudget memory = new MemoryBudget(Long.MAX_VALUE, stats);
        Deadlines unused = new Deadlines(Long.MAX_VALUE); // No name or cut-character waits in a benchmark.
        Framing chosen = Framing.valueOf(framing);
        for (int i = 0; i < members; i++) {
            DiscardingChannel channel = new DiscardingChannel();
            channels.add(channel);
            lockedWrites.add(channel, chosen);
            Connection connection = new Connection(i, channel, new DetachedKey(channel), "bench",
                    new Outbox(OUTBOX_BYTES, memory), stats, flow, memory, unused, unused);
            connection.decideFraming(chosen, 4096);
            room.onText(connection, "m" + i);
            flushAll();
            if (i == 0) {
                sender = connection;
            }
        }
    }

    /** Fails the trial if a broadcast did not reach the sender's channel: nothing was measured. */
    @TearDown(Level.Trial)
    public void checkDelivered() {
        long itemBytes = ("m0: " + PAYLOAD + (framing.equals("LINE") ? "\n" : "")).length();
        if (channels.getFirst().bytesTaken() < broadcasts * itemBytes) {
            throw new IllegalStateException(broadcasts + " broadcasts but only "
                    + channels.getFirst().bytesTaken() + " bytes reached the first member");
        }
    }

    @Benchmark
    public long broadcast() throws IOException {
        broadcasts++;
        if (design.equals("LOCKED_WRITES")) {
            return lockedWrites.broadcast("m0: ", PAYLOAD);
        }
        room.onText(sender, PAYLOAD);
        return flushAll();
    }

    /** What the event loop does after a batch of reads: one flush per connection with output. */
    private long flushAll() throws IOException {
        List<Connection> toFlush = flow.toFlush();
        long flushed = toFlush.size();
        for (Connection connection : toFlush) {
            connection.flush(scratch);
        }
        toFlush.clear();
        return flushed;
    }
}
