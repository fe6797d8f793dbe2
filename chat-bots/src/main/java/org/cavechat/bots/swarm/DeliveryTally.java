package org.cavechat.bots.swarm;

/**
 * Every receiver's ledger added up after the run. Loss is counted for the members still present at the
 * end, against everything each talker completed sending; duplicates and reorders for every receiver.
 *
 * @param talkers          how many bots talked
 * @param sent             messages completely written by all talkers
 * @param receivers        members present at the end (each expected every message)
 * @param expected         deliveries those receivers should have had: {@code sent * receivers}
 * @param delivered        unique deliveries to those receivers
 * @param lost             expected minus delivered
 * @param lossyReceivers   receivers that lost at least one message (a dead server thread shows up here as
 *                         a member that lost everything)
 * @param duplicated       deliveries of a message the receiver already had
 * @param reordered        deliveries that arrived after a later message of the same sender
 * @param reorderUncertain true when some receiver had more gaps than it could remember, so that some late
 *                         arrivals counted as duplicates: reordered is a lower bound, lost an upper one
 */
record DeliveryTally(int talkers, long sent, long receivers, long expected, long delivered, long lost,
        long lossyReceivers, long duplicated, long reordered, boolean reorderUncertain) {

    /** Tallies the bots; call only after their loops have stopped. */
    static DeliveryTally of(Bot[] bots, int talkers) {
        long[] sentBy = new long[talkers];
        for (Bot bot : bots) {
            if (bot != null && bot.talker >= 0) {
                sentBy[bot.talker] = bot.sent;
            }
        }
        long sent = 0;
        for (long count : sentBy) {
            sent += count;
        }
        long receivers = 0;
        long delivered = 0;
        long lost = 0;
        long lossy = 0;
        long duplicated = 0;
        long reordered = 0;
        boolean uncertain = false;
        for (Bot bot : bots) {
            if (bot == null || bot.ledger == null) {
                continue;
            }
            duplicated += bot.ledger.duplicated();
            reordered += bot.ledger.reordered();
            uncertain |= bot.ledger.missingOverflowed();
            if (bot.state == Bot.State.MEMBER) {
                receivers++;
                delivered += bot.ledger.unique();
                long missed = bot.ledger.lost(sentBy);
                lost += missed;
                lossy += missed > 0 ? 1 : 0;
            }
        }
        return new DeliveryTally(talkers, sent, receivers, sent * receivers, delivered, lost, lossy, duplicated,
                reordered, uncertain);
    }

    /** Lost share of the expected deliveries; 0 when nothing was expected. */
    double lossRatio() {
        return expected == 0 ? 0 : (double) lost / expected;
    }
}
