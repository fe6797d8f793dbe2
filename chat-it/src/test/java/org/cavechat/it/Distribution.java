package org.cavechat.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The distribution archive that chat-daemon's package phase builds ({@code chat-daemon-<version>.tar.gz}):
 * runtime, jar, launcher, units and INSTALL.md, which installs it.
 */
record Distribution(Path archive, Path installGuide) {
    private static final String ARCHIVE_PROPERTY = "cavechat.distribution";
    private static final String REPOSITORY_PROPERTY = "cavechat.repository";

    /** The archive of this build and the repository's INSTALL.md, as the failsafe run names them. */
    static Distribution built() {
        Path archive = Path.of(required(ARCHIVE_PROPERTY));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("No distribution archive at " + archive + ": run `./mvnw package` first");
        }
        return new Distribution(archive, Path.of(required(REPOSITORY_PROPERTY)).resolve("packaging/INSTALL.md"));
    }

    String fileName() {
        return archive.getFileName().toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is set by chat-it's failsafe run (mvn verify)");
        }
        return value;
    }
}
