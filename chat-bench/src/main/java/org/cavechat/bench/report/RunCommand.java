package org.cavechat.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: runs the suite, then writes the JMH JSON, the machine description and the report. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Runs the benchmark suite and writes the report into --out.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A suite that fits under 10 minutes on 2 shared cores (default: the full suite).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "chat-bench/target/bench-report",
            description = "Directory of the report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--compare", paramLabel = "JSON", description = "A previous run's jmh-result.json to compare with.")
    Path previous;

    @Option(names = "--swarm", paramLabel = "JSON",
            description = "A chat-bots swarm summary.json whose open-loop latency goes into the report (repeatable).")
    List<Path> swarms = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        String loadBefore = Machine.loadAverage();
        Path results = out.toAbsolutePath().resolve(ReportFiles.RESULTS);
        new Suite(quick).run(results);
        Machine machine = Machine.describeThis(command(), loadBefore);
        machine.write(out.resolve(Machine.FILE));
        ReportFiles.write(out, JmhResults.read(results), machine, previous, swarms);
        System.out.println("report: " + out.resolve(ReportFiles.HTML) + " and " + out.resolve(ReportFiles.MARKDOWN));
        return 0;
    }

    private String command() {
        StringBuilder command = new StringBuilder("bench-report run").append(quick ? " --quick" : "");
        swarms.forEach(summary -> command.append(" --swarm ").append(summary));
        return command.toString();
    }
}
