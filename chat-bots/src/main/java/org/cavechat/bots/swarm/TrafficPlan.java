package org.cavechat.bots.swarm;

/**
 * When the talkers send, in {@link System#nanoTime()} terms: the k-th message of a talker is meant to
 * leave at {@code start + phase + k * interval}, whatever happened to the ones before (open loop), and
 * only messages meant to leave in {@code [measureStart, sendEnd)} are measured.
 *
 * @param origin        the swarm's time zero; payload times are relative to it
 * @param start         first possible intended send time
 * @param measureStart  end of the warm-up
 * @param sendEnd       no message is meant to leave at or after this
 * @param intervalNanos time between two messages of one talker
 * @param talkers       how many bots talk
 */
record TrafficPlan(long origin, long start, long measureStart, long sendEnd, double intervalNanos, int talkers) {

    long intended(long phase, long seq) {
        return start + phase + (long) (seq * intervalNanos);
    }

    boolean measured(long intendedAbsolute) {
        return intendedAbsolute >= measureStart && intendedAbsolute < sendEnd;
    }

    /** How many messages a talker with this phase is meant to send inside the measured window. */
    long scheduledMeasured(long phase) {
        return countBefore(phase, sendEnd) - countBefore(phase, measureStart);
    }

    /** How many messages a talker with this phase is meant to send in all. */
    long scheduledTotal(long phase) {
        return countBefore(phase, sendEnd);
    }

    private long countBefore(long phase, long time) {
        long first = start + phase;
        if (time <= first) {
            return 0;
        }
        long count = (long) Math.ceil((time - first) / intervalNanos);
        while (count > 0 && intended(phase, count - 1) >= time) {
            count--;
        }
        while (intended(phase, count) < time) {
            count++;
        }
        return count;
    }
}
