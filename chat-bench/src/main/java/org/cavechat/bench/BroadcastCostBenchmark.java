package org.cavechat.bench;

import java.util.concurrent.TimeUnit;
import org.cavechat.bots.Framing;
import org.cavechat.daemon.InMemoryRoom;
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
 * <p>{@code design=OUTBOX} is the daemon's real path, as the event loop runs it, through the daemon's
 * {@link InMemoryRoom}: {@code Room.onText} encodes the message once per framing and queues the shared
 * bytes in every member's outbox, then every connection with output is flushed (copy into a 256 KiB
 * direct buffer, one write, consume) into an in-memory socket that drops the bytes.
 * {@code design=LOCKED_WRITES} is the baseline: the original's broadcast, encoding per member and
 * writing under a lock ({@link LockedWrites}). One operation is one broadcast to all members; divide by
 * {@code members} for the cost per delivery. Run it with {@code -prof gc}: {@code gc.alloc.rate.norm}
 * over {@code members} is the allocation per delivery.
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
    /** Member {@code m0} sends every broadcast, so every item begins with its name. */
    private static final String SENDER_PREFIX = "m0: ";

    @Param({"1", "10", "100", "1000", "5000"})
    public int members;

    @Param({"OUTBOX", "LOCKED_WRITES"})
    public String design;

    @Param({"LINE", "LEGACY"})
    public String framing;

    private InMemoryRoom room;
    private LockedWrites lockedWrites;
    private long broadcasts;

    @Setup(Level.Trial)
    public void joinRoom() {
        if (design.equals("LOCKED_WRITES")) {
            lockedWrites = new LockedWrites(members, Framing.valueOf(framing));
        } else {
            room = InMemoryRoom.of(members, framing);
        }
    }

    /** Fails the trial if the broadcasts did not reach the first member: nothing was measured. */
    @TearDown(Level.Trial)
    public void checkDelivered() {
        long itemBytes = Framing.valueOf(framing).frame(SENDER_PREFIX + PAYLOAD).length;
        long received = room != null ? room.bytesReceivedBy(0) : lockedWrites.bytesReceivedBy(0);
        if (received < broadcasts * itemBytes) {
            throw new IllegalStateException(broadcasts + " broadcasts but only " + received
                    + " bytes reached the first member");
        }
    }

    /** One broadcast to every member; returns the bytes written to all of them. */
    @Benchmark
    public long broadcast() {
        broadcasts++;
        if (room == null) {
            return lockedWrites.broadcast(SENDER_PREFIX, PAYLOAD);
        }
        return room.broadcast(PAYLOAD);
    }
}
