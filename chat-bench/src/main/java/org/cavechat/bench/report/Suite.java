package org.cavechat.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark suite as the report runs it: a few JMH passes, each a benchmark class with the
 * parameter values worth their time on this machine, merged into one JMH JSON file. Both suites
 * leave out the baseline at N = 5000: its 12.5 million join notices alone take minutes of blocking
 * writes on 2 cores. The quick suite (under 10 minutes on 2 shared cores) also leaves out the
 * legacy framing where it changes nothing worth the time (the baseline writes every item on its own
 * in both framings; in process the framing only changes the frames per write) and runs 1 warm-up
 * iteration of 2 s and 5 measured iterations of 1 s; the full suite keeps the benchmarks' own 2 warm-up and 5
 * measured iterations.
 */
final class Suite {
    /** One JMH run: a benchmark class and the parameter values to run it with. */
    record Pass(String include, Map<String, String[]> params, boolean profileGc) {
    }

    private final boolean quick;

    Suite(boolean quick) {
        this.quick = quick;
    }

    List<Pass> passes() {
        String[] all = {"1", "10", "100", "1000", "5000"};
        String[] upTo1000 = {"1", "10", "100", "1000"};
        String[] bothFramings = {"LINE", "LEGACY"};
        String[] baselineFramings = quick ? new String[] {"LINE"} : bothFramings;
        return List.of(
                new Pass("FanOutBenchmark", Map.of("server", new String[] {"CAVECHAT"}, "members", all,
                        "framing", bothFramings), false),
                new Pass("FanOutBenchmark", Map.of("server", new String[] {"THREAD_PER_CLIENT"},
                        "members", upTo1000, "framing", baselineFramings), false),
                new Pass("BroadcastLatencyBenchmark", Map.of("server", new String[] {"CAVECHAT"},
                        "members", all), false),
                new Pass("BroadcastLatencyBenchmark", Map.of("server", new String[] {"THREAD_PER_CLIENT"},
                        "members", upTo1000), false),
                new Pass("BroadcastCostBenchmark", Map.of("members", all,
                        "framing", quick ? new String[] {"LINE"} : bothFramings), true));
    }

    /** Runs every pass and writes their merged results to {@code resultFile}. */
    void run(Path resultFile) throws IOException, RunnerException {
        List<String> arrays = new ArrayList<>();
        int index = 0;
        for (Pass pass : passes()) {
            Path passFile = resultFile.resolveSibling("pass-" + (++index) + ".json");
            new Runner(options(pass, passFile).build()).run();
            arrays.add(Files.readString(passFile));
            Files.delete(passFile);
        }
        Files.writeString(resultFile, mergeArrays(arrays));
    }

    private ChainedOptionsBuilder options(Pass pass, Path resultFile) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("\\." + pass.include() + "\\.")
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile.toString())
                .shouldFailOnError(true);
        pass.params().forEach(options::param);
        if (pass.profileGc()) {
            options.addProfiler(GCProfiler.class);
        }
        if (quick) {
            // Five short iterations rather than three long ones: JMH's 99.9% interval multiplies the
            // spread by Student's t, 31.6 for 3 iterations but 8.6 for 5, in the same time.
            options.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        return options;
    }

    /** JMH writes one JSON array per run; the report reads one array. */
    static String mergeArrays(List<String> arrays) {
        List<String> bodies = new ArrayList<>();
        for (String array : arrays) {
            String trimmed = array.strip();
            if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
                throw new IllegalArgumentException("not a JSON array: " + trimmed.substring(0, Math.min(40, trimmed.length())));
            }
            String body = trimmed.substring(1, trimmed.length() - 1).strip();
            if (!body.isEmpty()) {
                bodies.add(body);
            }
        }
        return "[\n" + String.join(",\n", bodies) + "\n]\n";
    }
}
