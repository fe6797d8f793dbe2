package org.cavechat.it;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.ToStringConsumer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The CaveChat daemon in its container, started from {@link CaveChatImage} with the given daemon options and
 * ready once it prints its {@code READY} line (a scratch image has no shell to probe a port with). Clients
 * reach it only through the mapped port on the Docker host. The whole container log is kept, so that a
 * failing test can show it ({@link ContainerLogOnFailure}).
 */
final class CaveChatContainer extends GenericContainer<CaveChatContainer> implements LoggedContainer {
    static final int CHAT_PORT = 33000;
    /** The metrics port the docs suggest; the container's, so it must listen on all its interfaces. */
    static final int METRICS_PORT = 33001;
    /** A heap generation's line of {@code jcmd GC.heap_info}: "... total 131072K, used 12345K [...". */
    private static final Pattern HEAP_LINE = Pattern.compile("total \\d+K, used (\\d+)K");
    private final ToStringConsumer log = new ToStringConsumer();
    private String name;

    CaveChatContainer(String... daemonOptions) {
        super(CaveChatImage.shared());
        withExposedPorts(CHAT_PORT);
        withCommand(daemonOptions);
        withLogConsumer(log);
        waitingFor(Wait.forLogMessage("READY listening on .*\\n", 1).withStartupTimeout(Duration.ofSeconds(90)));
    }

    /** Limits the container's memory, swap included, as `docker run --memory` does. */
    CaveChatContainer withMemoryLimit(long bytes) {
        return withCreateContainerCmdModifier(create -> create.getHostConfig().withMemory(bytes).withMemorySwap(bytes));
    }

    /** Publishes the chat port on a fixed host port, for tests that restart the daemon where clients expect it. */
    CaveChatContainer onHostPort(int hostPort) {
        addFixedExposedPort(hostPort, CHAT_PORT);
        return self();
    }

    /** Serves metrics and /healthz on {@link #METRICS_PORT} of all the container's interfaces, published like the chat. */
    CaveChatContainer withMetrics() {
        addExposedPort(METRICS_PORT);
        String[] options = getCommandParts();
        String[] withMetrics = Arrays.copyOf(options, options.length + 2);
        withMetrics[options.length] = "--metrics";
        withMetrics[options.length + 1] = "0.0.0.0:" + METRICS_PORT;
        return withCommand(withMetrics);
    }

    /** The metrics endpoint's base URI on the Docker host. */
    URI metricsUri() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(METRICS_PORT));
    }

    /** Where clients connect: the chat port as mapped on the Docker host. */
    InetSocketAddress chatAddress() {
        return new InetSocketAddress(getHost(), getMappedPort(CHAT_PORT));
    }

    /**
     * Stops the daemon as {@code docker stop} does (SIGTERM, SIGKILL once {@code timeout} has passed) and
     * returns its exit status. The container stays, so its log can still be read; {@link #stop()} removes it.
     */
    long stopGracefully(Duration timeout) {
        getDockerClient().stopContainerCmd(getContainerId()).withTimeout((int) timeout.toSeconds()).exec();
        Long status = getDockerClient().inspectContainerCmd(getContainerId()).exec().getState().getExitCodeLong();
        if (status == null) {
            throw new IllegalStateException("Docker reported no exit status for the stopped daemon");
        }
        return status;
    }

    @Override
    public String describe() {
        return name == null ? "(a daemon container that never started)" : name;
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        name = containerInfo.getName();
    }

    /**
     * The most memory the container has used so far, as its cgroup counts it (heap, native memory and
     * socket buffers), or -1 where the engine does not report a peak (cgroup v2).
     */
    long peakMemoryBytes() throws InterruptedException {
        AtomicReference<Statistics> latest = new AtomicReference<>();
        ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics statistics) {
                latest.set(statistics);
            }
        };
        getDockerClient().statsCmd(getContainerId()).withNoStream(true).exec(callback)
                .awaitCompletion(30, TimeUnit.SECONDS);
        Statistics statistics = latest.get();
        Long peak = statistics == null ? null : statistics.getMemoryStats().getMaxUsage();
        return peak == null ? -1 : peak;
    }

    /**
     * The daemon's live heap: what is left in use after a full collection, in bytes, as {@code jcmd} (in the
     * image's runtime) reports it. Sums the used space of every heap generation, whichever collector runs.
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        String jcmd = "/opt/cavechat/jre/bin/jcmd";
        ExecResult collected = execInContainer(jcmd, "1", "GC.run");
        ExecResult info = execInContainer(jcmd, "1", "GC.heap_info");
        if (collected.getExitCode() != 0 || info.getExitCode() != 0) {
            throw new IllegalStateException("jcmd failed: " + collected.getStderr() + info.getStdout() + info.getStderr());
        }
        long usedKilobytes = 0;
        boolean found = false;
        for (String line : info.getStdout().lines().toList()) {
            Matcher generation = HEAP_LINE.matcher(line);
            if (generation.find() && !line.contains("Metaspace") && !line.contains("class space")) {
                usedKilobytes += Long.parseLong(generation.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("no heap figure in GC.heap_info: " + info.getStdout());
        }
        return usedKilobytes * 1024;
    }

    /** Everything the daemon printed so far, stdout and stderr. */
    @Override
    public String log() {
        return log.toUtf8String();
    }
}
