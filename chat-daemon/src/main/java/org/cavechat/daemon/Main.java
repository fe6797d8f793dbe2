package org.cavechat.daemon;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code java -jar chat-daemon.jar}: runs {@link DaemonCommand} and exits with its documented status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        OutOfMemoryExit.install();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with the given streams and returns the exit status, for tests. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new DaemonCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::oneLineUsageError);
        return commandLine.execute(args);
    }

    /** A user mistake gets one line saying what is wrong and where help is, never a page of usage. */
    private static int oneLineUsageError(CommandLine.ParameterException mistake, String[] args) {
        PrintWriter err = mistake.getCommandLine().getErr();
        err.println("chat-daemon: " + mistake.getMessage() + " (see --help)");
        err.flush();
        return ExitCode.USAGE;
    }
}
