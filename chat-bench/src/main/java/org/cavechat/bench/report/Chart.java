package org.cavechat.bench.report;

import java.util.List;

/**
 * What one chart of the report shows: a few series of points against the room size, both axes
 * logarithmic because the room size and the figures both span several orders of magnitude.
 */
record Chart(String title, String xLabel, String yLabel, List<Series> series) {

    /** One line of a chart; {@code dashed} marks the legacy framing. */
    record Series(String label, String color, boolean dashed, List<Point> points) {
    }

    /** One measured figure and the half-width of its confidence interval (0 when unknown). */
    record Point(double x, double y, double error) {
    }

    boolean isEmpty() {
        return series.stream().allMatch(s -> s.points().isEmpty());
    }
}
