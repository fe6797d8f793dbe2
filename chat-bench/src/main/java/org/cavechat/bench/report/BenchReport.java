package org.cavechat.bench.report;

import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The report tool: {@code java -jar chat-bench/target/bench-report.jar run --quick} runs the suite and
 * writes the report; {@code render} re-renders a saved run; {@code compare} marks regressions between two
 * runs. Exit codes: 0 ok, 1 a regression beyond the measured error (compare), 2 a usage error or an
 * unreadable input file, each said in one line.
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Runs CaveChat's JMH suite and writes reports people read.",
        subcommands = {RunCommand.class, RenderCommand.class, CompareCommand.class})
public final class BenchReport implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, with a bad option or unreadable input reported in one line (exit code 2), not as the
     * whole usage or a stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new BenchReport()).setParameterExceptionHandler((error, args) -> {
            CommandLine failed = error.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + error.getMessage()
                    + " (see --help)");
            return 2;
        }).setExecutionExceptionHandler((error, line, parsed) -> {
            if (error instanceof java.nio.file.NoSuchFileException missing) {
                line.getErr().println("bench-report: no such file: " + missing.getFile());
                return 2;
            }
            if (error instanceof java.io.IOException || error instanceof IllegalArgumentException) {
                line.getErr().println("bench-report: " + error.getMessage());
                return 2;
            }
            throw error;
        });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which command: run, render or compare");
    }
}
