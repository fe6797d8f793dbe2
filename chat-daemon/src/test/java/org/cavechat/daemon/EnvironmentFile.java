package org.cavechat.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daemon's environment file read the way systemd's EnvironmentFile= reads it, restricted to
 * the plain subset the file promises (KEY=value, comments, blank lines; no quotes or escapes), so
 * that a test can hand a child process exactly what systemd would.
 */
final class EnvironmentFile {

    private EnvironmentFile() {}

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || line.matches(".*[\"'\\\\$`].*")) {
                throw new IllegalArgumentException(file + ": not a plain KEY=value line: " + line);
            }
            variables.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return variables;
    }
}
