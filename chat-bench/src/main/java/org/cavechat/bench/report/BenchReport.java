package org.cavechat.bench.report;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The report tool: {@code java -cp chat-bench/target/benchmarks.jar org.cavechat.bench.report.BenchReport
 * run --quick} runs the suite and writes the report; {@code render} re-renders a saved run;
 * {@code compare} marks regressions between two runs. Exit codes: 0 ok, 1 a regression beyond the
 * measured error (compare), 2 a usage error.
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true,
        description = "Runs CaveChat's JMH suite and writes reports people read.",
        subcommands = {RunCommand.class, RenderCommand.class, CompareCommand.class})
public final class BenchReport implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchReport()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which command: run, render or compare");
    }
}
