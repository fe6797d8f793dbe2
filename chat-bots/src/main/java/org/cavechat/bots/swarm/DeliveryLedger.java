package org.cavechat.bots.swarm;

import java.util.HashSet;
import java.util.Set;

/**
 * One receiving bot's account of what it got from each talker: every message exactly once and in order.
 * It keeps the next expected sequence number per talker (4 bytes each, so memory is bots × talkers × 4
 * however long the run) and, only when a gap opens, the missing numbers, so a late arrival can be told
 * apart from a duplicate. Beyond {@code maxMissing} remembered gaps a late arrival of a forgotten number
 * counts as a duplicate, and the report says its reorder count is a lower bound and its loss an upper
 * bound. Runs on the bot's loop thread.
 */
final class DeliveryLedger {

    /** What one arrival was. */
    enum Arrival { IN_ORDER, AHEAD, REORDERED, DUPLICATE, UNKNOWN_SENDER }

    private final int[] next;
    private final int maxMissing;
    private Set<Long> missing;
    private long unique;
    private long duplicated;
    private long reordered;
    private boolean missingOverflowed;

    DeliveryLedger(int talkers, int maxMissing) {
        this.next = new int[talkers];
        this.maxMissing = maxMissing;
    }

    Arrival accept(int sender, long seq) {
        if (sender < 0 || sender >= next.length || seq < 0 || seq > Integer.MAX_VALUE) {
            return Arrival.UNKNOWN_SENDER;
        }
        int expected = next[sender];
        if (seq == expected) {
            next[sender] = expected + 1;
            unique++;
            return Arrival.IN_ORDER;
        }
        if (seq > expected) {
            rememberGap(sender, expected, (int) seq);
            next[sender] = (int) seq + 1;
            unique++;
            return Arrival.AHEAD;
        }
        if (missing != null && missing.remove(key(sender, seq))) {
            unique++;
            reordered++;
            return Arrival.REORDERED;
        }
        duplicated++;
        return Arrival.DUPLICATE;
    }

    private void rememberGap(int sender, int from, int to) {
        if (missing == null) {
            missing = new HashSet<>();
        }
        for (int s = from; s < to; s++) {
            if (missing.size() >= maxMissing) {
                missingOverflowed = true;
                return;
            }
            missing.add(key(sender, s));
        }
    }

    /**
     * Messages this bot should have had and did not: everything each talker completed sending that never
     * arrived, whether in a gap or after the last arrival.
     */
    long lost(long[] sentByTalker) {
        long expected = 0;
        for (int t = 0; t < next.length; t++) {
            expected += sentByTalker[t];
        }
        return Math.max(0, expected - unique);
    }

    long unique() {
        return unique;
    }

    long duplicated() {
        return duplicated;
    }

    long reordered() {
        return reordered;
    }

    boolean missingOverflowed() {
        return missingOverflowed;
    }

    private static long key(int sender, long seq) {
        return ((long) sender << 32) | seq;
    }
}
