package org.cavechat.bots.swarm;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.cavechat.bots.Main;
import org.cavechat.bots.ServerOption;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code swarm}: many bots against a running server, with honest latency, delivery checks and a report. */
@Command(name = "swarm", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        defaultValueProvider = SwarmDefaults.class,
        sortOptions = false,
        description = {
            "Drives many bots against a chat server and reports latency and delivery.",
            "Some bots talk at a fixed open-loop rate; every bot checks that each message arrives once and in "
                    + "order. Latency counts from each message's intended send time.",
            "Progress goes to stderr once a second; the summary to stdout."},
        footerHeading = "%nEnvironment:%n", footer = SwarmDefaults.ENVIRONMENT,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE, Main.EXIT_UNREACHABLE, Main.EXIT_INVALID})
public final class SwarmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOption server;

    @Mixin
    SwarmOptions options;

    @Override
    public Integer call() {
        SwarmPlan plan = options.plan(null);
        InetSocketAddress resolved = server.server().socketAddress();
        if (resolved.isUnresolved()) {
            spec.commandLine().getErr().println("swarm: cannot connect to " + server.server() + ": unknown host");
            return 3;
        }
        return execute(plan.withServer(resolved), spec);
    }

    /** Runs a plan and reports it through the command's streams; returns the exit code. */
    static int execute(SwarmPlan plan, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String command = spec.name();
        SwarmSummary summary;
        try {
            summary = new Swarm(plan, err).run();
        } catch (SwarmAbort e) {
            err.println(command + ": " + e.getMessage());
            return e.exitCode();
        } catch (IOException e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command + ": interrupted");
            return 1;
        }
        out.print(SummaryText.of(summary));
        if (plan.reportDir() != null) {
            try {
                ReportFiles.write(plan.reportDir(), summary);
                out.println("report: " + plan.reportDir().resolve(ReportFiles.HTML).toAbsolutePath().normalize());
            } catch (IOException e) {
                err.println(command + ": cannot write the report in " + plan.reportDir() + ": " + e.getMessage());
                out.flush();
                return 1;
            }
        }
        out.flush();
        return summary.verdict().exitCode();
    }
}
