package org.cavechat.bench.report;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code compare}: prints what changed between two runs; exit code 1 on a regression beyond the error. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two jmh-result.json files; exit code 1 when a figure regressed beyond its error.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier run's jmh-result.json.")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later run's jmh-result.json.")
    Path after;

    @Override
    public Integer call() throws Exception {
        List<Comparison.Row> rows = Comparison.of(JmhResults.read(before), JmhResults.read(after));
        for (Comparison.Row row : rows) {
            System.out.printf("%-12s %8s  %s%n", row.verdict(), Numbers.percent(row.change()), row.key());
        }
        return Comparison.anyRegression(rows) ? 1 : 0;
    }
}
