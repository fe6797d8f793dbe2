package org.cavechat.bots;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The {@code chat-bots} command: {@code java -jar chat-bots.jar <command>}. Every command has
 * {@code --help} and {@code --version} and the same exit statuses.
 */
@Command(name = "chat-bots", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Scripted bots, conformance checks and load for CaveChat and the original chat server.",
        subcommands = {RunCommand.class, ConformCommand.class, org.cavechat.bots.swarm.SwarmCommand.class,
            org.cavechat.bots.swarm.SimulateCommand.class, org.cavechat.bots.swarm.CompareCommand.class,
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {Main.EXIT_OK, "1:an expectation or threshold failed, compare found a regression (or an internal"
                + " error)", "2:bad options, a malformed script (file:line: message), a summary compare cannot read",
            Main.EXIT_UNREACHABLE, Main.EXIT_INVALID})
public final class Main implements Callable<Integer> {

    /** The exit statuses as picocli's {@code exitCodeList} entries, for every command's help (swarm's too). */
    public static final String EXIT_OK = "0:everything expected happened (or --help, --version)";
    public static final String EXIT_FAILED = "1:an expectation or threshold failed (or an internal error)";
    public static final String EXIT_USAGE = "2:bad options or a malformed script (file:line: message)";
    public static final String EXIT_UNREACHABLE = "3:the server cannot be reached";
    public static final String EXIT_INVALID = "4:INVALID (swarm, simulate): the load was not offered as asked, so the"
            + " figures say nothing about the server (the generator fell behind, or bots could not join)";

    /** Exit status: everything expected happened. */
    public static final int OK = 0;
    /** Exit status: an expectation or a threshold failed. */
    public static final int FAILED = 1;
    /** Exit status: bad options or a malformed script. */
    public static final int USAGE = 2;
    /** Exit status: the server could not be reached. */
    public static final int UNREACHABLE = 3;
    /** Exit status: a load run did not offer its load; neither a pass nor a fail of the server. */
    public static final int INVALID = 4;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("chat-bots: name a command, for example: chat-bots run script.chat (see chat-bots --help)");
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Every usage error in one style, {@code chat-bots swarm: --rate: 'abc' is not a number}: picocli's
     * "Invalid value for option '--rate': " becomes "--rate: ", and its Java type names become plain words.
     */
    static String plain(String message) {
        return message.replaceFirst("^Invalid value for option '([^']+)'(?: \\([^)]*\\))?: ", "$1: ")
                .replaceAll("' is not an? (double|float|int|long|short|byte|BigDecimal|Double|Integer|Long)\\b",
                        "' is not a number");
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + plain(e.getMessage())
                    + " (see --help)");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": internal error: " + e);
            return FAILED;
        });
        return commandLine;
    }
}
