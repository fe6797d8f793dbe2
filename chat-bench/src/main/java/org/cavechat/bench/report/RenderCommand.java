package org.cavechat.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code render}: writes the report of a saved run, optionally compared with an earlier one. */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Writes report.md and report.html for a saved jmh-result.json.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JSON", description = "The run's jmh-result.json.")
    Path results;

    @Option(names = "--machine", paramLabel = "JSON",
            description = "The run's machine.json (default: the one next to the results, if any).")
    Path machine;

    @Option(names = "--compare", paramLabel = "JSON", description = "A previous run's jmh-result.json to compare with.")
    Path previous;

    @Option(names = "--swarm", paramLabel = "JSON",
            description = "A chat-bots swarm summary.json whose open-loop latency goes into the report (repeatable).")
    List<Path> swarms = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the report (default: the results' directory).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path directory = out != null ? out : results.toAbsolutePath().getParent();
        Path machineFile = machine != null ? machine : results.resolveSibling(Machine.FILE);
        Machine described = Files.exists(machineFile) ? Machine.read(machineFile)
                : new Machine(Map.of("machine", "not recorded with this run"));
        ReportFiles.write(directory, JmhResults.read(results), described, previous, swarms);
        System.out.println("report: " + directory.resolve(ReportFiles.HTML));
        return 0;
    }
}
