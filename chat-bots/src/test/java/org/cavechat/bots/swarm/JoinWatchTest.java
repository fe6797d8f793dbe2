package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JoinWatchTest {
    private static final String GREETING = "Greetings from the cave! Now type your name and press enter!";
    private static final String WELCOME = "Welcome bot1! If you ever want to quit, type {quit} to exit.";

    private static int feed(JoinWatch watch, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return watch.feed(bytes, 0, bytes.length);
    }

    @Test
    void greetingAloneLeavesTheJoinPending() {
        assertEquals(JoinWatch.PENDING, feed(new JoinWatch(), GREETING));
    }

    @Test
    void welcomeSaysHowManyBytesOfTheReadItUsed() {
        String read = GREETING + WELCOME + "\nbot2: [#0 1 2 3 ]";
        assertEquals((GREETING + WELCOME).length(), feed(new JoinWatch(), read));
    }

    @Test
    void welcomeCutAcrossReadsIsRecognisedInTheReadThatCompletesIt() {
        JoinWatch watch = new JoinWatch();
        assertEquals(JoinWatch.PENDING, feed(watch, GREETING + "\n" + WELCOME.substring(0, 50)));
        assertEquals(WELCOME.length() - 50, feed(watch, WELCOME.substring(50) + "\nrest"));
    }

    @Test
    void welcomeAfterALongReadBeyondTheWindowIsStillFound() {
        String noise = "n".repeat(5000);
        String read = noise + WELCOME + "tail";
        assertEquals(read.length() - 4, feed(new JoinWatch(), read));
    }

    @Test
    void takenNameIsARefusal() {
        JoinWatch watch = new JoinWatch();
        String refusal = "Sorry, the name bot1 is taken. Type another name and press enter!\n";
        assertEquals(JoinWatch.REFUSED, feed(watch, GREETING + "\n" + refusal));
        assertEquals(BotEnd.NAME_REFUSED, watch.refusalReason());
    }

    @Test
    void fullCaveIsARefusal() {
        JoinWatch watch = new JoinWatch();
        assertEquals(JoinWatch.REFUSED, feed(watch, "Sorry, the cave is full. Try again later."));
        assertEquals(BotEnd.SERVER_FULL, watch.refusalReason());
    }

    @Test
    void theLongestRefusalCutWhereTheWindowSlidesIsStillFound() {
        JoinWatch watch = new JoinWatch();
        String refusal = "Sorry, a name must be 1 to 32 characters, with no colons and no control characters."
                + " Type another name and press enter!";
        // 512 bytes fill the window exactly; the next read slides it with 100 bytes of the refusal in it.
        String before = "n".repeat(412) + refusal.substring(0, 100);
        assertEquals(JoinWatch.PENDING, feed(watch, before));
        assertEquals(JoinWatch.REFUSED, feed(watch, refusal.substring(100) + "n".repeat(100)));
        assertEquals(BotEnd.NAME_REFUSED, watch.refusalReason());
    }

    @Test
    void aNameTimeoutNoticeIsARefusal() {
        JoinWatch watch = new JoinWatch();
        assertEquals(JoinWatch.REFUSED, feed(watch, GREETING + "Sorry, no name arrived in time. Goodbye!"));
        assertEquals(BotEnd.NAME_TIMEOUT, watch.refusalReason());
    }

    @Test
    void closeBeforeAnyVerdictIsAPlainClose() {
        JoinWatch watch = new JoinWatch();
        feed(watch, GREETING);
        assertEquals(BotEnd.SERVER_CLOSED, watch.closedReason());
    }
}
