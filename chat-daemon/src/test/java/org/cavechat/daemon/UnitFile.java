package org.cavechat.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A systemd unit file read as the assignments of its sections, in order (no drop-ins, no continuation lines). */
record UnitFile(List<Assignment> assignments) {

    record Assignment(String section, String key, String value) {}

    static UnitFile read(Path file) throws IOException {
        List<Assignment> assignments = new ArrayList<>();
        String section = "";
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0 || line.endsWith("\\")) {
                throw new IllegalArgumentException(file + ": not a simple assignment: " + line);
            }
            assignments.add(new Assignment(section, line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
        }
        return new UnitFile(List.copyOf(assignments));
    }

    /** Every value assigned to the key in the section, in file order. */
    List<String> values(String section, String key) {
        return assignments.stream()
                .filter(a -> a.section().equals(section) && a.key().equals(key))
                .map(Assignment::value)
                .toList();
    }

    /** The single value of a key that must be assigned exactly once. */
    String value(String section, String key) {
        List<String> values = values(section, key);
        if (values.size() != 1) {
            throw new AssertionError("[" + section + "] " + key + " is assigned " + values.size() + " times: " + values);
        }
        return values.getFirst();
    }

    Optional<String> find(String section, String key) {
        List<String> values = values(section, key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }
}
