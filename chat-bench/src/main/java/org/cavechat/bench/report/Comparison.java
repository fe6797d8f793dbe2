package org.cavechat.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs side by side: for every benchmark and parameter set in either, the primary score before
 * and after and a verdict. A change counts only when it exceeds the measured error: the two
 * confidence intervals (score plus or minus error) must not overlap. A result without an error
 * estimate is compared on its score alone, and says so.
 */
final class Comparison {
    /** What happened to one figure between the two runs. */
    enum Verdict {
        REGRESSION, IMPROVEMENT, WITHIN_ERROR, ONLY_BEFORE, ONLY_AFTER
    }

    /** One compared figure; {@code before} or {@code after} is null when only one run has it. */
    record Row(String key, String unit, Metric before, Metric after, Verdict verdict) {
        /** The relative change of the score, after against before (0.1 is 10% more). */
        double change() {
            return before == null || after == null ? Double.NaN : after.score() / before.score() - 1;
        }

        boolean errorKnown() {
            return before != null && after != null
                    && !Double.isNaN(before.error()) && !Double.isNaN(after.error());
        }
    }

    private Comparison() {
    }

    static List<Row> of(List<JmhResult> before, List<JmhResult> after) {
        Map<String, JmhResult> old = index(before);
        Map<String, JmhResult> now = index(after);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, JmhResult> entry : old.entrySet()) {
            JmhResult next = now.get(entry.getKey());
            rows.add(row(entry.getValue(), next));
        }
        for (Map.Entry<String, JmhResult> entry : now.entrySet()) {
            if (!old.containsKey(entry.getKey())) {
                JmhResult added = entry.getValue();
                rows.add(new Row(added.key(), added.primary().unit(), null, added.primary(),
                        Verdict.ONLY_AFTER));
            }
        }
        return rows;
    }

    static boolean anyRegression(List<Row> rows) {
        return rows.stream().anyMatch(row -> row.verdict() == Verdict.REGRESSION);
    }

    private static Row row(JmhResult before, JmhResult after) {
        if (after == null) {
            return new Row(before.key(), before.primary().unit(), before.primary(), null,
                    Verdict.ONLY_BEFORE);
        }
        return new Row(before.key(), after.primary().unit(), before.primary(), after.primary(),
                verdict(before.primary(), after.primary(), before.lowerIsBetter()));
    }

    /** Worse or better only when the intervals score +- error do not overlap. */
    static Verdict verdict(Metric before, Metric after, boolean lowerIsBetter) {
        double gap = after.score() - before.score();
        double margin = before.errorOrZero() + after.errorOrZero();
        if (Math.abs(gap) <= margin) {
            return Verdict.WITHIN_ERROR;
        }
        boolean worse = lowerIsBetter ? gap > 0 : gap < 0;
        return worse ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
    }

    private static Map<String, JmhResult> index(List<JmhResult> results) {
        Map<String, JmhResult> byKey = new LinkedHashMap<>();
        for (JmhResult result : results) {
            byKey.put(result.key(), result);
        }
        return byKey;
    }
}
