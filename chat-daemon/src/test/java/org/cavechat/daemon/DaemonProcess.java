package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import picocli.CommandLine;

/**
 * The daemon as operators run it: a child JVM running {@code Main} on this test's class path, configured by
 * options and by exactly the {@code CAVECHAT_*} variables a test gives (none inherited), optionally under a
 * descriptor limit, with its stdout and stderr collected line by line. Closing it kills it if it still runs.
 */
final class DaemonProcess implements AutoCloseable {
    /** Bounds every wait on the child; a passing test never reaches it. */
    static final Duration BOUND = Duration.ofSeconds(60);
    private static final Pattern READY = Pattern.compile("READY listening on 127\\.0\\.0\\.1:(\\d+)");
    /** The metrics endpoint's libraries in the local Maven repository: Netty and the Prometheus client. */
    private static final Pattern LIBRARY_JARS =
            Pattern.compile("[/\\\\](io[/\\\\](netty|prometheus)|com[/\\\\]ibm[/\\\\]icu)[/\\\\].*\\.jar$");

    private final Process process;
    private final StreamLines stdout;
    private final StreamLines stderr;

    private DaemonProcess(Process process) {
        this.process = process;
        this.stdout = StreamLines.of(process.getInputStream(), "daemon-stdout-" + process.pid());
        this.stderr = StreamLines.of(process.getErrorStream(), "daemon-stderr-" + process.pid());
    }

    static DaemonProcess start(Map<String, String> environment, String... args) throws IOException {
        return start(List.of(), System.getProperty("java.class.path"), environment, args);
    }

    /**
     * Under a limit of {@code descriptors} open files, soft and hard, so the JVM cannot raise it. {@code prlimit}
     * sets it and then executes java in its own place: the pid, and so signals, stay the daemon's. The daemon
     * runs from a jar of its classes, as in production: loading a class from a directory takes a descriptor,
     * which a daemon at its limit does not have, while a jar is opened once.
     */
    static DaemonProcess startWithDescriptorLimit(int descriptors, Path scratch, Map<String, String> environment,
            String... args) throws IOException {
        return start(List.of("prlimit", "--nofile=" + descriptors), daemonJarClassPath(scratch), environment, args);
    }

    private static DaemonProcess start(List<String> launcher, String classPath, Map<String, String> environment,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command.addAll(List.of(java, "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("CAVECHAT_") || name.equals("JOURNAL_STREAM"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new DaemonProcess(process);
    }

    /** The daemon's classes packed into {@code scratch}/chat-daemon.jar, and the jars of its dependencies. */
    private static String daemonJarClassPath(Path scratch) throws IOException {
        Path classes = codeSource(Main.class);
        Path jar = scratch.resolve("chat-daemon.jar");
        ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow();
        int status = jarTool.run(System.out, System.err,
                "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
        assertEquals(0, status, "jar --create " + jar);
        StringBuilder classPath = new StringBuilder(jar + File.pathSeparator + codeSource(CommandLine.class));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (LIBRARY_JARS.matcher(entry).find()) {
                classPath.append(File.pathSeparator).append(entry);
            }
        }
        return classPath.toString();
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no file for the code of " + type, e);
        }
    }

    /** The first line on stdout must be the READY line; returns the port it names. */
    int readyPort() throws InterruptedException {
        String first = stdout.await(line -> true, BOUND);
        Matcher ready = READY.matcher(first);
        assertTrue(ready.matches(), "first line on stdout: " + first + "; stderr: " + stderr.all());
        return Integer.parseInt(ready.group(1));
    }

    /** Sends the signal ({@code TERM}, {@code INT}) as kill(1) does. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    /** Waits for the exit and for both streams to end; returns the exit status. */
    int awaitExit() throws InterruptedException {
        assertTrue(process.waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS), "the daemon still runs after " + BOUND);
        stdout.awaitEnd(BOUND);
        stderr.awaitEnd(BOUND);
        return process.exitValue();
    }

    List<String> stdout() {
        return stdout.all();
    }

    List<String> stderr() {
        return stderr.all();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
