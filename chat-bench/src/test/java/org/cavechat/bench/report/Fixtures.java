package org.cavechat.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The small JMH result files under src/test/resources, as the tests read them. */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read test resource " + name, e);
        }
    }

    static List<JmhResult> before() {
        return JmhResults.parse(text("before.json"));
    }

    static List<JmhResult> after() {
        return JmhResults.parse(text("after.json"));
    }

    static Machine machine() {
        return new Machine(Map.of("date", "2026-11-26T15:00:00Z", "command", "BenchReport run --quick",
                "cores", "2"));
    }
}
