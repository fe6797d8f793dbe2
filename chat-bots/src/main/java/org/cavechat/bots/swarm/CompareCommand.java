package org.cavechat.bots.swarm;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cavechat.bots.Main;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare A B}: two swarm runs side by side, and whether B regressed from A. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {
            "Sets two swarm runs side by side: p50, p90, p99, p99.9, max, achieved rate, loss and verdict, with "
                    + "the change from A to B.",
            "B regressed when its p99 is more than 10% and 1 ms worse, it lost deliveries where A lost none, "
                    + "its achieved rate is more than 5% lower, or it is FAIL or INVALID where A passed."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no regression", "1:B regressed from A (each regression is named)",
            "2:bad options, or a run that cannot be read (which file and why)"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the earlier run: a report directory or its summary.json")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "the later run: a report directory or its summary.json")
    Path b;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunComparison comparison;
        try {
            comparison = new RunComparison(RunFigures.read(a), RunFigures.read(b));
        } catch (RunFigures.Unreadable e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            return Main.USAGE;
        }
        out.println("A  " + comparison.a().source());
        out.println("B  " + comparison.b().source());
        out.print(comparison.table());
        List<String> regressions = comparison.regressions();
        if (regressions.isEmpty()) {
            out.println("no regression");
        }
        for (String regression : regressions) {
            out.println("REGRESSION: " + regression);
        }
        out.flush();
        return regressions.isEmpty() ? Main.OK : Main.FAILED;
    }
}
