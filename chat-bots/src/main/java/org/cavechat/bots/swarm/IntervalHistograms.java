package org.cavechat.bots.swarm;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * The latency and service-time histograms of the current progress interval, written by one loop thread and
 * taken by the progress thread once a second. It does what HdrHistogram's {@code SingleWriterRecorder} does,
 * but the writer enters the phaser once per read rather than once per value: at millions of deliveries a
 * second the recorder's two atomic operations per value cost more than the rest of a delivery's checks.
 * Writer: the loop thread, between {@link #open} and {@link #close}; reader: {@link #takeInto}, any thread.
 */
final class IntervalHistograms {
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Histogram activeLatency = histogram();
    private volatile Histogram activeService = histogram();
    private Histogram idleLatency = histogram();
    private Histogram idleService = histogram();
    /** The writer's view between {@link #open} and {@link #close}: the histograms it entered with. */
    private Histogram latency;
    private Histogram service;
    private long entered;

    static Histogram histogram() {
        return new Histogram(Reception.HIGHEST_MICROS, 3);
    }

    /** Starts a batch of records (one read's deliveries); {@link #close} must follow. Writer only. */
    void open() {
        entered = phaser.writerCriticalSectionEnter();
        latency = activeLatency;
        service = activeService;
    }

    /** Records one delivery, between {@link #open} and {@link #close}. Writer only. */
    void record(long latencyMicros, long serviceMicros) {
        latency.recordValue(latencyMicros);
        service.recordValue(serviceMicros);
    }

    void close() {
        phaser.writerCriticalSectionExit(entered);
    }

    /** Adds what was recorded since the last call to the two targets and starts a new interval. */
    void takeInto(Histogram latencyTarget, Histogram serviceTarget) {
        phaser.readerLock();
        try {
            Histogram latencyDone = activeLatency;
            Histogram serviceDone = activeService;
            activeLatency = idleLatency;
            activeService = idleService;
            phaser.flipPhase();
            latencyTarget.add(latencyDone);
            serviceTarget.add(serviceDone);
            latencyDone.reset();
            serviceDone.reset();
            idleLatency = latencyDone;
            idleService = serviceDone;
        } finally {
            phaser.readerUnlock();
        }
    }
}
