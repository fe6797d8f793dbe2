package org.cavechat.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's files and the build's products, as the failsafe and surefire runs see them. */
final class Repository {

    private Repository() {}

    /** A file by its path from the repository root (the module's parent unless the build says otherwise). */
    static Path file(String relative) {
        return Path.of(System.getProperty("cavechat.repository", "..")).resolve(relative).normalize();
    }

    /** target/chat-daemon-<version>.tar.gz; set by failsafe, so only integration tests may ask. */
    static Path distribution() {
        return Path.of(required("cavechat.distribution"));
    }

    static String version() {
        return required("cavechat.version");
    }

    /** The lines of the first ```sh block after the heading, without blank lines and comments. */
    static List<String> shellBlock(Path markdown, String heading) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new AssertionError(markdown + " has no line " + heading);
        }
        while (at < lines.size() && !lines.get(at).equals("```sh")) {
            at++;
        }
        List<String> block = new ArrayList<>();
        for (at++; at < lines.size() && !lines.get(at).equals("```"); at++) {
            String line = lines.get(at).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                block.add(line);
            }
        }
        if (block.isEmpty()) {
            throw new AssertionError(markdown + " has no ```sh block after " + heading);
        }
        return block;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is set by the failsafe run of chat-daemon (mvn verify)");
        }
        return value;
    }
}
