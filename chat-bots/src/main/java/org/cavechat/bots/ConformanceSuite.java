package org.cavechat.bots;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled conformance scripts, in {@code src/main/resources/conformance/}, in the order of
 * {@code index.txt}. Scripts that can break the original server for everyone after them (it never
 * removes a client that vanished without {@code {quit}}) come last.
 */
final class ConformanceSuite {

    static final String FOLDER = "/conformance/";

    private ConformanceSuite() {
    }

    /** The scripts, parsed; a malformed bundled script is a defect of this module, reported as one. */
    static List<Script> load() throws ScriptException {
        List<Script> scripts = new ArrayList<>();
        for (String line : text("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                scripts.add(ScriptParser.parse(name, text(name)));
            }
        }
        return scripts;
    }

    private static String text(String name) throws ScriptException {
        try (InputStream in = ConformanceSuite.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new ScriptException(FOLDER + name, "missing from the bundled conformance suite");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
