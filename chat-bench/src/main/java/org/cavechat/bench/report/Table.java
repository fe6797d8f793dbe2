package org.cavechat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A table of the report, independent of how it is rendered (Markdown or HTML). */
record Table(String title, List<String> headers, List<List<String>> rows) {

    /** A chart as a table: one row per room size, one column per series, figure ± error. */
    static Table of(Chart chart) {
        List<String> headers = new ArrayList<>();
        headers.add(chart.xLabel());
        TreeSet<Double> xs = new TreeSet<>();
        for (Chart.Series series : chart.series()) {
            headers.add(series.label());
            series.points().forEach(p -> xs.add(p.x()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (double x : xs) {
            List<String> row = new ArrayList<>();
            row.add(Numbers.compact(x));
            for (Chart.Series series : chart.series()) {
                row.add(series.points().stream().filter(p -> p.x() == x).findFirst()
                        .map(p -> Numbers.compact(p.y()) + (p.error() > 0 ? " ± " + Numbers.compact(p.error()) : ""))
                        .orElse(""));
            }
            rows.add(row);
        }
        return new Table(chart.title() + " (" + chart.yLabel() + ")", headers, rows);
    }
}
