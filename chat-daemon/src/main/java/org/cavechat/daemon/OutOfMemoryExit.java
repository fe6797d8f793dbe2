package org.cavechat.daemon;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * Ends the process with {@link ExitCode#OUT_OF_MEMORY} when any thread dies of an {@link OutOfMemoryError}:
 * a daemon that has lost a thread to it cannot be trusted to serve on, and the JVM's own
 * {@code -XX:+ExitOnOutOfMemoryError} exits with 3, which means "cannot listen" here. Installed by the command
 * line only; an embedded server (tests, bots, benchmarks) never ends its host's process.
 */
final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {
    /** Built in advance: there may be no heap left to build it when it is needed. */
    private static final String MESSAGE = "chat-daemon: out of memory; exiting with status " + ExitCode.OUT_OF_MEMORY;

    private final PrintStream err;
    private final IntConsumer halt;
    private final Thread.UncaughtExceptionHandler otherwise;

    OutOfMemoryExit(PrintStream err, IntConsumer halt, Thread.UncaughtExceptionHandler otherwise) {
        this.err = err;
        this.halt = halt;
        this.otherwise = otherwise;
    }

    /** Makes every thread of this process end it on an OutOfMemoryError. */
    static void install() {
        // Anything else goes where it would have gone without this handler: the thread group's default report.
        Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryExit(System.err, Runtime.getRuntime()::halt,
                (thread, failure) -> thread.getThreadGroup().uncaughtException(thread, failure)));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            err.println(MESSAGE);
            err.flush();
            halt.accept(ExitCode.OUT_OF_MEMORY);
        } else {
            otherwise.uncaughtException(thread, failure);
        }
    }
}
