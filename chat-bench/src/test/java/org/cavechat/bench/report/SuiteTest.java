package org.cavechat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteTest {

    @Test
    void thePassesResultsMergeIntoOneArrayThatReadsBackWhole() {
        String first = Fixtures.text("before.json");
        String merged = Suite.mergeArrays(List.of(first, "[]\n", first));

        assertEquals(10, JmhResults.parse(merged).size());
    }

    @Test
    void aPassFileThatIsNotAnArrayIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Suite.mergeArrays(List.of("{\"a\": 1}")));
        assertEquals("not a JSON array: {\"a\": 1}", error.getMessage());
    }

    @Test
    void theQuickSuiteLeavesTheBaselineOutAtFiveThousandMembersOnly() {
        List<Suite.Pass> passes = new Suite(true).passes();

        assertEquals(5, passes.size());
        assertEquals(List.of("1", "10", "100", "1000"), List.of(passes.get(1).params().get("members")));
        assertEquals(List.of("THREAD_PER_CLIENT"), List.of(passes.get(1).params().get("server")));
        assertEquals(List.of("1", "10", "100", "1000", "5000"), List.of(passes.getFirst().params().get("members")));
    }
}
