package org.cavechat.bots;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chat-bots run SCRIPT...}: runs conversation scripts and prints each step's outcome. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {"Runs conversation scripts (format: docs/scripts.md) against a server, one after another.",
            "Every script is checked before the first one runs."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE, Main.EXIT_UNREACHABLE, Main.EXIT_INVALID})
final class RunCommand implements Callable<Integer> {

    @Mixin
    private ServerOption server;

    @Mixin
    private ScriptOptions options;

    @Parameters(arity = "1..*", paramLabel = "SCRIPT", description = "Script files to run, in order.")
    private List<Path> files;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Script> scripts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            try {
                scripts.add(ScriptParser.read(file));
            } catch (ScriptException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(err::println);
            return Main.USAGE;
        }
        ScriptRunner runner = new ScriptRunner(server.server().socketAddress(), options.timeout(), options.pace(), out);
        int failed = 0;
        try {
            for (Script script : scripts) {
                out.println(script.file() + (script.title().isEmpty() ? "" : ": " + script.title()));
                failed += runner.run(script).passed() ? 0 : 1;
            }
        } catch (UnreachableServerException e) {
            out.flush();
            err.println("chat-bots run: " + e.getMessage());
            return Main.UNREACHABLE;
        }
        out.printf("%d of %d scripts passed%n", scripts.size() - failed, scripts.size());
        out.flush();
        return failed == 0 ? Main.OK : Main.FAILED;
    }
}
