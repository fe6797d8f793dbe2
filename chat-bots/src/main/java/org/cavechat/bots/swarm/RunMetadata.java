package org.cavechat.bots.swarm;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cavechat.daemon.ProjectVersion;

/**
 * Where and how a run was made, so a report can be told apart from another and repeated: when it
 * started, which chat-bots, on which host and JVM, and the command line as typed (the seed is in the plan).
 *
 * @param startedAt   when the command was parsed, to the second, UTC
 * @param version     the chat-bots version
 * @param host        this machine's name
 * @param jvm         the Java runtime's vendor and version
 * @param commandLine the command and its arguments as given
 */
record RunMetadata(Instant startedAt, String version, String host, String jvm, String commandLine) {

    /** {@code args} as picocli keeps them: the whole command line, which may start with the command's name. */
    static RunMetadata now(String command, List<String> args) {
        List<String> options = !args.isEmpty() && args.getFirst().equals(command) ? args.subList(1, args.size()) : args;
        return new RunMetadata(Instant.now().truncatedTo(ChronoUnit.SECONDS), ProjectVersion.version(), hostName(),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(),
                "chat-bots " + command + (options.isEmpty() ? "" : " " + String.join(" ", options)));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** One line for the text summary. */
    String line() {
        return "run       " + startedAt + ", chat-bots " + version + " on " + host + ", " + jvm + System.lineSeparator()
                + "command   " + commandLine;
    }
}
