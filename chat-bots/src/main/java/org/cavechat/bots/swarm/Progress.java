package org.cavechat.bots.swarm;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The run's once-a-second view: it collects the loops' interval histograms and the counters into an
 * {@link IntervalSample}, prints the progress line and appends both histograms (tagged {@code latency}
 * and {@code service}, microseconds) to the HdrHistogram interval log as it goes, so a run cut short
 * still leaves its log. {@link #tick} runs on the progress thread only; {@link #samples} is read after
 * the last tick. Every interval is kept, the last one's sliver too, so that the series adds up to the run.
 */
final class Progress {
    private final List<BotLoop> loops;
    private final SwarmCounters counters;
    private final long origin;
    private final PrintWriter out;
    private final HistogramLogWriter log;
    private final PrintStream logStream;
    private final List<IntervalSample> samples = new ArrayList<>();
    private final Histogram latency = new Histogram(BotLoop.HIGHEST_MICROS, 3);
    private final Histogram service = new Histogram(BotLoop.HIGHEST_MICROS, 3);
    private volatile String phase = "ramp";
    private long lastTick;
    private long lastSent;
    private long lastDelivered;

    Progress(List<BotLoop> loops, SwarmCounters counters, long origin, PrintWriter out, Path logFile)
            throws IOException {
        this.loops = loops;
        this.counters = counters;
        this.origin = origin;
        this.out = out;
        this.lastTick = origin;
        if (logFile == null) {
            this.logStream = null;
            this.log = null;
        } else {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            this.logStream = new PrintStream(Files.newOutputStream(logFile), true, "UTF-8");
            this.log = new HistogramLogWriter(logStream);
            long startMillis = System.currentTimeMillis();
            log.outputComment("CaveChat swarm: latency from the intended send time (tag latency) and service time"
                    + " from the actual write (tag service)");
            log.outputComment("Values are microseconds; each interval line's max column is milliseconds");
            log.outputComment("One interval a second for the whole run: ramp, warm-up, measured window and drain;"
                    + " summary.json's latency figures are the measured window only");
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.setBaseTime(startMillis);
            log.outputLegend();
        }
    }

    void phase(String value) {
        phase = value;
    }

    String phase() {
        return phase;
    }

    /** Closes one interval: samples it, logs it and, when {@code print}, shows the progress line. */
    synchronized void tick(boolean print) {
        long now = System.nanoTime();
        latency.reset();
        service.reset();
        for (BotLoop loop : loops) {
            loop.reception.intervals.takeInto(latency, service);
        }
        long sent = counters.sent.sum();
        long delivered = counters.delivered.sum();
        long members = counters.members.sum();
        long missing = Math.max(0, sent * members - (delivered - counters.departedDeliveries.sum()));
        IntervalSample sample = new IntervalSample((now - origin) / 1e9, Math.max(1e-3, (now - lastTick) / 1e9),
                phase, members, sent - lastSent, delivered - lastDelivered, counters.errors(),
                latency.getTotalCount(),
                millis(latency.getValueAtPercentile(50)), millis(latency.getValueAtPercentile(99)),
                millis(latency.getMaxValue()), missing);
        samples.add(sample);
        writeLog(lastTick, now);
        lastTick = now;
        lastSent = sent;
        lastDelivered = delivered;
        if (print && sample.showsRates()) {
            out.println(line(sample));
            out.flush();
        }
    }

    private void writeLog(long from, long to) {
        if (log == null) {
            return;
        }
        double start = (from - origin) / 1e9;
        double end = (to - origin) / 1e9;
        latency.setTag("latency");
        service.setTag("service");
        log.outputIntervalHistogram(start, end, latency, 1000.0);
        log.outputIntervalHistogram(start, end, service, 1000.0);
    }

    static String line(IntervalSample s) {
        return String.format(Locale.ROOT,
                "%6.1fs %-7s members %d  sent %.0f/s  delivered %.0f/s  errors %d  p50 %s  p99 %s",
                s.atSeconds(), s.phase(), s.members(), s.sentPerSecond(), s.deliveredPerSecond(), s.errors(),
                s.latencies() == 0 ? "-" : Format.millis(s.p50Ms()),
                s.latencies() == 0 ? "-" : Format.millis(s.p99Ms()));
    }

    synchronized List<IntervalSample> samples() {
        return List.copyOf(samples);
    }

    synchronized void close() {
        if (logStream != null) {
            logStream.close();
        }
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
