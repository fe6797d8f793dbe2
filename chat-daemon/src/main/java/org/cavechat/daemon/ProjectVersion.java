package org.cavechat.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code --version} of every CaveChat command (the daemon, chat-bots, bench-report and their
 * subcommands): the top command's name and the Maven project version. The build writes that version into
 * {@code project-version.txt} (resource filtering), so the pom is its one source and every jar agrees.
 */
public final class ProjectVersion implements IVersionProvider {

    private static final String RESOURCE = "project-version.txt";

    @Spec
    CommandSpec spec;

    @Override
    public String[] getVersion() {
        return new String[] {spec.root().name() + " " + version()};
    }

    /** The Maven project version this class was built with, such as {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: the build writes it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
