package org.cavechat.daemon;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.List;
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
        CommandLine commandLine = new CommandLine(new DaemonCommand(out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                // For every option of these types, so that each says in words what is wrong with a value.
                .registerConverter(Integer.TYPE, new WholeNumberConverter())
                .registerConverter(InetAddress.class, new HostConverter())
                .setParameterExceptionHandler(Main::oneLineUsageError);
        return commandLine.execute(args);
    }

    /**
     * A user mistake gets one line saying what is wrong and where help is, never a page of usage. The options
     * are not parsed, so {@code --log-format} is not known: the line's format is what {@code auto} would choose,
     * which gives it priority err in the journal under systemd.
     */
    private static int oneLineUsageError(CommandLine.ParameterException mistake, String[] args) {
        PrintWriter err = mistake.getCommandLine().getErr();
        String problem = SettingProblem.of(mistake, List.of(args)) + " (see --help)";
        err.println(LogFormat.detect(System.getenv()).fatalLine(problem));
        err.flush();
        return ExitCode.USAGE;
    }
}
