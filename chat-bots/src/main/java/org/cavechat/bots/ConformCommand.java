package org.cavechat.bots;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cavechat.daemon.ProjectVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chat-bots conform}: runs the bundled conformance suite and prints a pass/fail table. */
@Command(name = "conform", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {"Runs the bundled conformance suite (docs/conformance.md) against a server and prints"
            + " a pass/fail table, then the steps of every failed script.",
            "For the original Python server: --legacy-only --pace 100ms."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE, Main.EXIT_UNREACHABLE, Main.EXIT_INVALID})
final class ConformCommand implements Callable<Integer> {

    @Mixin
    private ServerOption server;

    @Mixin
    private ScriptOptions options;

    @Option(names = "--legacy-only", description = "Only the scripts whose bots all use legacy framing.")
    private boolean legacyOnly;

    @Option(names = "--only", paramLabel = "TEXT",
            description = "Only the scripts whose file name contains TEXT (repeatable).")
    private List<String> only = new ArrayList<>();

    @Option(names = "--verbose", description = "Print every step of every script, not only of failed ones.")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws ScriptException {
        PrintWriter out = spec.commandLine().getOut();
        List<Script> scripts = ConformanceSuite.load().stream()
                .filter(script -> !legacyOnly || script.legacyOnly())
                .filter(script -> only.isEmpty() || only.stream().anyMatch(script.file()::contains))
                .toList();
        if (scripts.isEmpty()) {
            spec.commandLine().getErr().println("chat-bots conform: no bundled script matches " + only);
            return Main.USAGE;
        }
        out.printf("Conformance of %s: %d scripts%n%n", server.server(), scripts.size());
        String row = "%-" + width(scripts, Script::file, "script") + "s  %-7s  %-"
                + width(scripts, Script::covers, "covers") + "s  %s%n";
        out.printf(row, "script", "framing", "covers", "result");
        List<String> transcripts = new ArrayList<>();
        int failed = 0;
        for (Script script : scripts) {
            StringWriter transcript = new StringWriter();
            ScriptResult result;
            try {
                result = runner(transcript).run(script);
            } catch (UnreachableServerException e) {
                out.flush();
                spec.commandLine().getErr().println("chat-bots conform: " + e.getMessage());
                return Main.UNREACHABLE;
            }
            failed += result.passed() ? 0 : 1;
            out.printf(row, script.file(), script.framings(), script.covers(),
                    result.passed() ? "pass" : "FAIL at line " + result.failedStep().line());
            out.flush();
            if (verbose || !result.passed()) {
                transcripts.add(script.file() + ": " + script.title() + System.lineSeparator() + transcript);
            }
        }
        out.printf("%n%d passed, %d failed%n", scripts.size() - failed, failed);
        transcripts.forEach(text -> out.print(System.lineSeparator() + text));
        out.flush();
        return failed == 0 ? Main.OK : Main.FAILED;
    }

    private static int width(List<Script> scripts, java.util.function.Function<Script, String> column, String title) {
        return Math.max(title.length(), scripts.stream().mapToInt(script -> column.apply(script).length()).max().orElse(0));
    }

    private ScriptRunner runner(StringWriter transcript) {
        return new ScriptRunner(server.server().socketAddress(), options.timeout(), options.pace(),
                new PrintWriter(transcript));
    }
}
