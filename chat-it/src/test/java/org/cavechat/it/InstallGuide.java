package org.cavechat.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * packaging/INSTALL.md as an operator uses it: the shell block under a heading, run as written, so that a
 * test proves the commands the guide gives and not a retyped copy of them.
 */
final class InstallGuide {
    private final Path file;
    private final List<String> lines;

    private InstallGuide(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    static InstallGuide read(Path file) throws IOException {
        return new InstallGuide(file, Files.readAllLines(file));
    }

    /** The first {@code ```sh} block after the line {@code heading}, as one script (comments and all). */
    String commands(String heading) {
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new AssertionError(file + " has no line " + heading);
        }
        while (at < lines.size() && !lines.get(at).equals("```sh")) {
            at++;
        }
        List<String> block = new ArrayList<>();
        for (at++; at < lines.size() && !lines.get(at).equals("```"); at++) {
            block.add(lines.get(at));
        }
        if (block.stream().allMatch(String::isBlank)) {
            throw new AssertionError(file + " has no ```sh block after " + heading);
        }
        return String.join("\n", block) + "\n";
    }
}
