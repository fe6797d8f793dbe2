package org.cavechat.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Maven project version this daemon was built from, read from the jar (Maven writes it at build time). */
final class BuildVersion {
    private static final String RESOURCE = "build.properties";

    private BuildVersion() {}

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    static String read() {
        Properties properties = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the daemon's jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return properties.getProperty("version");
    }
}
