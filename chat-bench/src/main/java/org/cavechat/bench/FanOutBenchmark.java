package org.cavechat.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.cavechat.bots.Framing;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Question: how many deliveries per second does one room sustain when one sender broadcasts 64-byte
 * messages to {@code members} real connections over loopback?
 *
 * <p>The server runs in this JVM on a free loopback port; the members are joined once per trial and
 * read by one selector thread (plus one thread for the sender's own echoes) that counts bytes. The
 * sender keeps a bounded window of messages in flight (so that no member ever nears the daemon's
 * outbox budget) and the score is messages per second; the {@code deliveries} counter is the figure
 * that matters: messages times members. The baseline ({@code server=THREAD_PER_CLIENT}) is the
 * original's design: one blocking write per recipient under one lock, in the sender's thread.
 *
 * <p>Run: {@code java -jar chat-bench/target/benchmarks.jar FanOutBenchmark -p members=1000}.
 * Expect, on 2 shared cores: CaveChat's line framing gains with the room size, because each
 * member's pending items leave in one write (millions of deliveries per second from N = 100 on);
 * legacy framing and the baseline pay one system call per delivery, which caps them near a few
 * hundred thousand deliveries per second whatever N is. The readers share the cores with the server,
 * so every figure here is a lower bound of what the server alone could do.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FanOutBenchmark {
    @Param({"1", "10", "100", "1000", "5000"})
    public int members;

    @Param({"CAVECHAT", "THREAD_PER_CLIENT"})
    public ServerKind server;

    @Param({"LINE", "LEGACY"})
    public Framing framing;

    private ServerKind.Running running;
    private Audience audience;
    private long window;

    /**
     * Deliveries and the members' reads in the current iteration, reported by JMH as rates next to the
     * score. Deliveries per read tell how well the server batched what it wrote to each member.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Deliveries {
        public long deliveries;
        public long reads;
        private long deliveriesAtStart;
        private long readsAtStart;

        @Setup(Level.Iteration)
        public void reset(FanOutBenchmark room) {
            deliveriesAtStart = room.audience.deliveries();
            readsAtStart = room.audience.reads();
            deliveries = 0;
            reads = 0;
        }
    }

    @Setup(Level.Trial)
    public void joinRoom() throws Exception {
        running = server.start();
        audience = Audience.join(running.address(), members, framing);
        // About half a million deliveries in flight: enough to keep every queue busy, far below
        // the daemon's 1 MiB outbox budget per member (4096 messages of 73 bytes are 300 KB).
        window = Math.clamp(500_000L / members, 32, 4096);
    }

    /**
     * The server goes first, while the members still read: CaveChat's shutdown notice drains at once,
     * and the baseline drops its members before their sockets close, instead of telling each of the
     * N remaining members about each of N leaves with blocking writes.
     */
    @TearDown(Level.Trial)
    public void leaveRoom() throws Exception {
        running.close();
        audience.close();
    }

    @Benchmark
    public long broadcast(Deliveries counters) throws IOException {
        audience.awaitAllBut(window);
        audience.send();
        counters.deliveries = audience.deliveries() - counters.deliveriesAtStart;
        counters.reads = audience.reads() - counters.readsAtStart;
        return counters.deliveries;
    }
}
