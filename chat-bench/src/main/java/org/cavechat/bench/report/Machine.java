package org.cavechat.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cavechat.bots.swarm.Json;

/**
 * The machine and JVM a run was taken on, and when: the facts a reader needs before trusting a
 * figure. Captured by the run, saved next to the JMH JSON as {@code machine.json} (an object of
 * strings), and read back by {@code render}.
 */
record Machine(Map<String, String> facts) {
    static final String FILE = "machine.json";
    static final String LOAD_AT_START = "load average at start (1, 5, 15 min)";
    static final String LOAD_AT_END = "load average at end (1, 5, 15 min)";

    Machine {
        facts = new LinkedHashMap<>(facts);
    }

    /** Describes this machine and JVM now. {@code loadBefore} is the load average at the start. */
    static Machine describeThis(String command, String loadBefore) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        facts.put("command", command);
        facts.put("cpu", firstValue("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
        facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("memory", firstValue("/proc/meminfo", "MemTotal").orElse("unknown"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        facts.put(LOAD_AT_START, loadBefore);
        facts.put(LOAD_AT_END, loadAverage());
        return new Machine(facts);
    }

    /** The 1, 5 and 15 minute load averages of Linux, or "unknown" elsewhere. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static Machine read(Path file) throws IOException {
        if (!(Json.parse(Files.readString(file)) instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException(file + " does not hold a JSON object");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        object.forEach((k, v) -> facts.put(String.valueOf(k), String.valueOf(v)));
        return new Machine(facts);
    }

    void write(Path file) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        List<Map.Entry<String, String>> entries = List.copyOf(facts.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            json.append("  ").append(quote(entries.get(i).getKey())).append(": ")
                    .append(quote(entries.get(i).getValue())).append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        Files.writeString(file, json.append("}\n"));
    }

    /** True when the 1-minute load average at the start or the end exceeded the cores. */
    boolean wasLoaded() {
        try {
            double cores = Double.parseDouble(get("cores"));
            return firstNumber(LOAD_AT_START) > cores || firstNumber(LOAD_AT_END) > cores;
        } catch (NumberFormatException unknown) {
            return false;
        }
    }

    private double firstNumber(String fact) {
        return Double.parseDouble(get(fact).split(",")[0].trim());
    }

    String get(String fact) {
        return facts.getOrDefault(fact, "");
    }

    private static java.util.Optional<String> firstValue(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
