package org.cavechat.bots.swarm;

/**
 * What one read brought, counted in plain fields and added to the shared {@link SwarmCounters} once per
 * read rather than once per message. Confined to one loop thread.
 */
final class BatchCounts {
    long delivered;
    long duplicated;
    long reordered;
    long malformed;

    void flushTo(SwarmCounters counters) {
        if (delivered > 0) {
            counters.delivered.add(delivered);
        }
        if (duplicated > 0) {
            counters.duplicated.add(duplicated);
        }
        if (reordered > 0) {
            counters.reordered.add(reordered);
        }
        if (malformed > 0) {
            counters.malformed.add(malformed);
        }
        delivered = 0;
        duplicated = 0;
        reordered = 0;
        malformed = 0;
    }
}
