package org.cavechat.bots.swarm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The figures of one finished run that {@code compare} sets side by side, read back from its {@code summary.json}.
 * Latencies are of the measured window, in milliseconds.
 *
 * @param source       the file read, as the user named it or with {@code summary.json} added to a directory
 * @param p50Ms        median latency
 * @param p90Ms        90th percentile
 * @param p99Ms        99th percentile
 * @param p999Ms       99.9th percentile
 * @param maxMs        largest latency
 * @param achievedRate messages per second the generator managed in the measured window
 * @param lost         deliveries lost
 * @param lossRatio    lost share of the expected deliveries
 * @param verdict      PASS, FAIL or INVALID
 */
record RunFigures(Path source, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
        double achievedRate, long lost, double lossRatio, Verdict verdict) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Why a run could not be read, in words fit for a one-line error after the file's name. */
    static final class Unreadable extends Exception {
        Unreadable(Path source, String why) {
            super(source + ": " + why);
        }
    }

    /** Reads a report directory's {@code summary.json}, or the named file itself. */
    static RunFigures read(Path path) throws Unreadable {
        Path source = Files.isDirectory(path) ? path.resolve(ReportFiles.SUMMARY) : path;
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(source));
        } catch (NoSuchFileException e) {
            throw new Unreadable(source, "no such file");
        } catch (JacksonException e) {
            throw new Unreadable(source, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Unreadable(source, "cannot read: " + e.getMessage());
        }
        return new RunFigures(source, number(root, source, "latencyMs", "p50"), number(root, source, "latencyMs", "p90"),
                number(root, source, "latencyMs", "p99"), number(root, source, "latencyMs", "p99.9"),
                number(root, source, "latencyMs", "max"), number(root, source, "rate", "achieved"),
                (long) number(root, source, "delivery", "lost"), number(root, source, "delivery", "lossRatio"),
                verdict(root, source));
    }

    private static double number(JsonNode root, Path source, String object, String field) throws Unreadable {
        JsonNode value = root.path(object).path(field);
        if (!value.isNumber()) {
            throw new Unreadable(source, "no number at " + object + "." + field + " (not a swarm summary.json?)");
        }
        return value.asDouble();
    }

    private static Verdict verdict(JsonNode root, Path source) throws Unreadable {
        String text = root.path("verdict").asText("");
        for (Verdict verdict : Verdict.values()) {
            if (verdict.name().equals(text)) {
                return verdict;
            }
        }
        throw new Unreadable(source, "no verdict PASS, FAIL or INVALID (not a swarm summary.json?)");
    }
}
