package org.cavechat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cavechat.bench.report.Comparison.Verdict;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void marksEachFigureByWhetherItsChangeExceedsTheCombinedError() {
        List<Comparison.Row> rows = Comparison.of(Fixtures.before(), Fixtures.after());

        assertEquals(List.of(Verdict.REGRESSION, Verdict.WITHIN_ERROR, Verdict.IMPROVEMENT, Verdict.WITHIN_ERROR,
                Verdict.ONLY_BEFORE, Verdict.ONLY_AFTER), rows.stream().map(Comparison.Row::verdict).toList());
        assertEquals(-0.2, rows.getFirst().change(), 1e-9);
        assertTrue(Comparison.anyRegression(rows));
    }

    @Test
    void aThroughputDropWithinTheErrorIsNoRegression() {
        Metric before = new Metric(100, 10, "ops/s");

        assertEquals(Verdict.WITHIN_ERROR, Comparison.verdict(before, new Metric(85, 5, "ops/s"), false));
        assertEquals(Verdict.REGRESSION, Comparison.verdict(before, new Metric(84, 5, "ops/s"), false));
        assertEquals(Verdict.IMPROVEMENT, Comparison.verdict(before, new Metric(116, 5, "ops/s"), false));
    }

    @Test
    void aLongerTimeIsARegressionAndAShorterOneAnImprovement() {
        Metric before = new Metric(100, 1, "us/op");

        assertEquals(Verdict.REGRESSION, Comparison.verdict(before, new Metric(110, 1, "us/op"), true));
        assertEquals(Verdict.IMPROVEMENT, Comparison.verdict(before, new Metric(90, 1, "us/op"), true));
    }

    @Test
    void aRunComparedWithItselfHasNoRegression() {
        List<Comparison.Row> rows = Comparison.of(Fixtures.before(), Fixtures.before());

        assertFalse(Comparison.anyRegression(rows));
        assertTrue(rows.stream().allMatch(row -> row.verdict() == Verdict.WITHIN_ERROR));
    }

    @Test
    void aMissingErrorEstimateIsSaidNotHidden() {
        Comparison.Row cost = Comparison.of(Fixtures.before(), Fixtures.after()).get(3);

        assertFalse(cost.errorKnown());
    }
}
