package org.cavechat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Chart} as inline SVG with logarithmic axes, error bars and a legend, so that the
 * HTML report needs nothing but itself to be read (no script, no network).
 */
final class SvgChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final Chart chart;
    private final Range x;
    private final Range y;
    private final StringBuilder svg = new StringBuilder();

    private SvgChart(Chart chart) {
        this.chart = chart;
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Chart.Series series : chart.series()) {
            for (Chart.Point p : series.points()) {
                xs.add(p.x());
                ys.add(p.y() + p.error());
                ys.add(Math.max(p.y() - p.error(), p.y() / 10));
            }
        }
        this.x = Range.covering(xs);
        this.y = Range.covering(ys);
    }

    /** The chart as an {@code <svg>} element. */
    static String render(Chart chart) {
        return new SvgChart(chart).draw();
    }

    private String draw() {
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"%s\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(chart.title())));
        text(WIDTH / 2.0 - RIGHT / 2.0, 22, "middle", "bold", chart.title());
        axes();
        int row = 0;
        for (Chart.Series series : chart.series()) {
            line(series);
            legend(series, row++);
        }
        return svg.append("</svg>\n").toString();
    }

    private void axes() {
        double plotRight = WIDTH - RIGHT;
        double plotBottom = HEIGHT - BOTTOM;
        for (double tick : x.decades()) {
            double px = px(tick);
            rule(px, TOP, px, plotBottom);
            text(px, plotBottom + 16, "middle", "normal", Numbers.compact(tick));
        }
        for (double tick : y.decades()) {
            double py = py(tick);
            rule(LEFT, py, plotRight, py);
            text(LEFT - 6, py + 4, "end", "normal", Numbers.compact(tick));
        }
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444\"/>%n",
                LEFT, TOP, plotRight - LEFT, plotBottom - TOP));
        text((LEFT + plotRight) / 2, HEIGHT - 12, "middle", "normal", chart.xLabel());
        svg.append(String.format(Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                (TOP + plotBottom) / 2, (TOP + plotBottom) / 2, Html.escape(chart.yLabel())));
    }

    private void line(Chart.Series series) {
        StringBuilder path = new StringBuilder();
        for (Chart.Point p : series.points()) {
            path.append(path.isEmpty() ? "M" : " L")
                    .append(String.format(Locale.ROOT, "%.1f %.1f", px(p.x()), py(p.y())));
        }
        svg.append(String.format(Locale.ROOT,
                "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                path, series.color(), series.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
        for (Chart.Point p : series.points()) {
            double cx = px(p.x());
            if (p.error() > 0) {
                double low = Math.max(p.y() - p.error(), y.low());
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                        cx, py(p.y() + p.error()), cx, py(low), series.color()));
            }
            svg.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %s at %s</title></circle>%n",
                    cx, py(p.y()), series.color(), Html.escape(series.label()),
                    Numbers.compact(p.y()), Numbers.compact(p.x())));
        }
    }

    private void legend(Chart.Series series, int row) {
        double lx = WIDTH - RIGHT + 14;
        double ly = TOP + 10 + row * 20;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                lx, ly, lx + 24, ly, series.color(), series.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
        text(lx + 30, ly + 4, "start", "normal", series.label());
    }

    private void rule(double x1, double y1, double x2, double y2) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", x1, y1, x2, y2));
    }

    private void text(double tx, double ty, String anchor, String weight, String content) {
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                tx, ty, anchor, weight, Html.escape(content)));
    }

    private double px(double value) {
        return LEFT + x.fraction(value) * (WIDTH - RIGHT - LEFT);
    }

    private double py(double value) {
        return HEIGHT - BOTTOM - y.fraction(value) * (HEIGHT - BOTTOM - TOP);
    }

    /** A logarithmic axis range, widened to whole decades. */
    record Range(double low, double high) {
        static Range covering(List<Double> values) {
            double min = values.stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
            double low = Math.pow(10, Math.floor(Math.log10(min)));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, low * 10))));
            return new Range(low, high);
        }

        double fraction(double value) {
            double v = Math.max(value, low);
            return (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
        }

        List<Double> decades() {
            List<Double> ticks = new ArrayList<>();
            for (double t = low; t <= high * 1.0001; t *= 10) {
                ticks.add(t);
            }
            return ticks;
        }
    }
}
