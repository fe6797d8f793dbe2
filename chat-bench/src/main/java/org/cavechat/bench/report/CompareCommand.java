package org.cavechat.bench.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: one line per figure with its verdict, its change, and the score and error of both runs
 * (the error is what decides the verdict, so it is shown); exit code 1 on a regression beyond the error.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Compares two jmh-result.json files; exit code 1 when a figure regressed beyond its error.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier run's jmh-result.json.")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later run's jmh-result.json.")
    Path after;

    @Override
    public Integer call() throws Exception {
        List<Comparison.Row> rows = Comparison.of(JmhResults.read(before), JmhResults.read(after));
        PrintWriter out = spec.commandLine().getOut();
        for (Comparison.Row row : rows) {
            out.printf("%-12s %8s  %s: %s -> %s %s%n", row.verdict(), Numbers.percent(row.change()), row.key(),
                    row.before() == null ? "none" : Numbers.withError(row.before()),
                    row.after() == null ? "none" : Numbers.withError(row.after()), row.unit());
        }
        out.flush();
        return Comparison.anyRegression(rows) ? 1 : 0;
    }
}
