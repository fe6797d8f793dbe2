package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A thread that dies of an OutOfMemoryError ends the daemon with its own status, 4, and one line saying why. */
class OutOfMemoryExitTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Integer> halts = new ArrayList<>();
    private final List<Throwable> handedOn = new ArrayList<>();
    private final OutOfMemoryExit handler = new OutOfMemoryExit(new PrintStream(err, true, StandardCharsets.UTF_8),
            halts::add, (thread, failure) -> handedOn.add(failure));

    @Test
    void anOutOfMemoryErrorInAnyThreadEndsTheProcessWithStatusFour() {
        handler.uncaughtException(new Thread(() -> { }), new OutOfMemoryError("Java heap space"));

        assertEquals(List.of(ExitCode.OUT_OF_MEMORY), halts);
        assertEquals(4, ExitCode.OUT_OF_MEMORY);
        assertEquals("chat-daemon: out of memory; exiting with status 4" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), handedOn);
    }

    @Test
    void anyOtherFailureIsReportedAsBeforeAndDoesNotEndTheProcess() {
        IllegalStateException failure = new IllegalStateException("a defect");

        handler.uncaughtException(new Thread(() -> { }), failure);

        assertEquals(List.of(), halts);
        assertEquals(List.of(failure), handedOn);
    }
}
