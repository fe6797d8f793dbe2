package org.cavechat.bots.swarm;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.cavechat.bots.Main;
import org.cavechat.daemon.ChatServer;
import org.cavechat.daemon.DaemonConfig;
import org.cavechat.daemon.DaemonStats;
import org.cavechat.daemon.Log;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code simulate}: starts a CaveChat daemon in this process on a free port and runs a swarm against it. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        defaultValueProvider = SimulateDefaults.class,
        sortOptions = false,
        description = {
            "Runs a swarm of a few hundred bots for about 20 seconds against a CaveChat daemon started in this "
                    + "process, then prints the summary and where the report page is.",
            "The daemon listens on a free loopback port. The report goes to cavechat-report/ unless --report says "
                    + "otherwise. Every swarm option applies."},
        footerHeading = "%nEnvironment:%n", footer = SwarmDefaults.ENVIRONMENT,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE, Main.EXIT_UNREACHABLE, Main.EXIT_INVALID})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SwarmOptions options;

    @Override
    public Integer call() {
        SwarmPlan plan = options.plan(null);
        PrintWriter err = spec.commandLine().getErr();
        DaemonConfig config = DaemonConfig.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).build();
        try (ChatServer server = ChatServer.start(config, Log.silent())) {
            err.println("simulate: CaveChat daemon listening on "
                    + server.localAddress().getAddress().getHostAddress() + ":" + server.port());
            err.flush();
            int code = SwarmCommand.execute(plan.withServer(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port())), spec);
            DaemonStats stats = server.stats();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("daemon    %d joins, %d messages in, %d deliveries out, %d bytes out (its own counts: every"
                    + " line it wrote, join and leave notices included, so above the swarm's deliveries)%n",
                    stats.joins(), stats.messagesIn(), stats.deliveriesOut(), stats.bytesOut());
            out.flush();
            return code;
        } catch (IOException e) {
            err.println("simulate: cannot start the daemon: " + e.getMessage());
            return 3;
        }
    }
}
