package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cavechat.bots.swarm.DeliveryLedger.Arrival;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private static List<Arrival> feed(DeliveryLedger ledger, int sender, long... seqs) {
        List<Arrival> arrivals = new ArrayList<>();
        for (long seq : seqs) {
            arrivals.add(ledger.accept(sender, seq));
        }
        return arrivals;
    }

    @Test
    void everyMessageOnceAndInOrderLosesNothing() {
        DeliveryLedger ledger = new DeliveryLedger(2, 100);
        feed(ledger, 0, 0, 1, 2);
        feed(ledger, 1, 0, 1);
        assertEquals(5, ledger.unique());
        assertEquals(0, ledger.lost(new long[] {3, 2}));
        assertEquals(0, ledger.duplicated());
        assertEquals(0, ledger.reordered());
    }

    @Test
    void messagesNeverArrivedAreLostWhetherInAGapOrAtTheEnd() {
        DeliveryLedger ledger = new DeliveryLedger(1, 100);
        assertEquals(List.of(Arrival.IN_ORDER, Arrival.AHEAD, Arrival.IN_ORDER), feed(ledger, 0, 0, 3, 4));
        assertEquals(4, ledger.lost(new long[] {7}), "1 and 2 in the gap, 5 and 6 after the last");
    }

    @Test
    void lateArrivalOfAMissingMessageIsReorderedNotDuplicatedOrLost() {
        DeliveryLedger ledger = new DeliveryLedger(1, 100);
        assertEquals(List.of(Arrival.IN_ORDER, Arrival.AHEAD, Arrival.REORDERED, Arrival.REORDERED),
                feed(ledger, 0, 0, 3, 1, 2));
        assertEquals(2, ledger.reordered());
        assertEquals(0, ledger.duplicated());
        assertEquals(0, ledger.lost(new long[] {4}));
    }

    @Test
    void secondCopyOfAMessageIsADuplicateWhetherInOrderOrLate() {
        DeliveryLedger ledger = new DeliveryLedger(1, 100);
        assertEquals(List.of(Arrival.IN_ORDER, Arrival.IN_ORDER, Arrival.DUPLICATE, Arrival.AHEAD, Arrival.REORDERED,
                Arrival.DUPLICATE), feed(ledger, 0, 0, 1, 1, 3, 2, 2));
        assertEquals(2, ledger.duplicated());
        assertEquals(1, ledger.reordered());
        assertEquals(4, ledger.unique());
    }

    @Test
    void sendersAreCheckedIndependently() {
        DeliveryLedger ledger = new DeliveryLedger(2, 100);
        feed(ledger, 0, 0, 1);
        feed(ledger, 1, 1);
        assertEquals(1, ledger.lost(new long[] {2, 2}), "sender 1's message 0 never came");
    }

    @Test
    void unknownSenderIsNotCountedAsDelivery() {
        DeliveryLedger ledger = new DeliveryLedger(2, 100);
        assertEquals(Arrival.UNKNOWN_SENDER, ledger.accept(2, 0));
        assertEquals(Arrival.UNKNOWN_SENDER, ledger.accept(-1, 0));
        assertEquals(0, ledger.unique());
    }

    @Test
    void tooManyGapsToRememberMakesLateArrivalsCountAsDuplicates() {
        DeliveryLedger ledger = new DeliveryLedger(1, 3);
        feed(ledger, 0, 10);
        assertTrue(ledger.missingOverflowed());
        assertEquals(List.of(Arrival.REORDERED, Arrival.DUPLICATE), feed(ledger, 0, 0, 5));
        assertEquals(9, ledger.lost(new long[] {11}), "message 5 counted as a duplicate, so lost is an upper bound");
    }

    @Test
    void gapsWithinTheLimitDoNotOverflow() {
        DeliveryLedger ledger = new DeliveryLedger(1, 3);
        feed(ledger, 0, 3);
        assertFalse(ledger.missingOverflowed());
    }
}
