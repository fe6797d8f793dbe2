package org.cavechat.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.cavechat.bots.Framing;
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
 * Question: how long does one broadcast take to reach all {@code members} members over loopback,
 * when nothing else is in flight?
 *
 * <p>Each invocation sends one 64-byte message and waits until every member (the sender's echo
 * included) has received it. This is closed-loop service time: the next message waits for the last,
 * so a slow broadcast delays the ones after it instead of being measured from when they were due.
 * Latency under a fixed offered load is the load harness's job ({@code chat-bots swarm}).
 * Members are line-framed: for one message at a time both framings make one write per member.
 *
 * <p>Run: {@code java -jar chat-bench/target/benchmarks.jar BroadcastLatencyBenchmark -p members=100}.
 * Expect tens of microseconds for a handful of members and a cost that grows linearly with N (one
 * write and one read system call per member, on two cores shared with the readers); the baseline's
 * writes are as many, so the two designs should be close here: the difference lies in throughput.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BroadcastLatencyBenchmark {
    @Param({"1", "10", "100", "1000", "5000"})
    public int members;

    @Param({"CAVECHAT", "THREAD_PER_CLIENT"})
    public ServerKind server;

    private ServerKind.Running running;
    private Audience audience;

    @Setup(Level.Trial)
    public void joinRoom() throws Exception {
        running = server.start();
        audience = Audience.join(running.address(), members, Framing.LINE);
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
    public long broadcastToAll() throws IOException {
        audience.send();
        audience.awaitAllBut(0);
        return audience.deliveries();
    }
}
