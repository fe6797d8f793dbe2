package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token bucket behind {@code --max-message-rate}, driven by explicit times. */
class MessageAllowanceTest {
    private static final long MS = 1_000_000;

    @Test
    void aMemberMaySendOneSecondsWorthAtOnceThenKeepsToTheRate() {
        MessageAllowance allowance = new MessageAllowance(4, 0);

        assertTrue(allowance.spend(0));
        assertTrue(allowance.spend(0));
        assertTrue(allowance.spend(0));
        assertFalse(allowance.spend(0), "the fourth message empties a bucket of four");
        assertFalse(allowance.hasMessage(0));
        assertEquals(250 * MS, allowance.nanosToNextMessage(0));

        assertFalse(allowance.hasMessage(249 * MS));
        assertTrue(allowance.hasMessage(250 * MS));
        assertEquals(0, allowance.nanosToNextMessage(250 * MS));
    }

    @Test
    void aQuietMemberSavesUpNoMoreThanOneSecondsWorth() {
        MessageAllowance allowance = new MessageAllowance(2, 0);
        allowance.spend(0);
        allowance.spend(0);

        assertTrue(allowance.hasMessage(60_000 * MS));
        assertTrue(allowance.spend(60_000 * MS));
        assertFalse(allowance.spend(60_000 * MS), "an hour of silence still allows only two at once");
    }
}
