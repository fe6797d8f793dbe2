package org.cavechat.bots.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A line chart as inline SVG, so the report page needs no script and no network: linear axes with
 * round-number ticks, one polyline per series, a legend. The x tick labels can be replaced, which is how
 * the percentile spectrum shows "99%" at x = 2 (its x axis counts nines).
 */
final class SvgChart {
    private static final int WIDTH = 880;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 36;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;

    private record Series(String name, String color, double[] xs, double[] ys) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private DoubleFunction<String> xTickLabel = SvgChart::number;
    private double[] xTicks;

    SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart series(String name, String color, double[] xs, double[] ys) {
        series.add(new Series(name, color, xs, ys));
        return this;
    }

    /** Fixed x ticks with their own labels, instead of round numbers. */
    SvgChart xTicks(double[] ticks, DoubleFunction<String> label) {
        this.xTicks = ticks;
        this.xTickLabel = label;
        return this;
    }

    String svg() {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                xMin = Math.min(xMin, s.xs()[i]);
                xMax = Math.max(xMax, s.xs()[i]);
                yMax = Math.max(yMax, s.ys()[i]);
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        double[] yTicks = niceTicks(yMax <= 0 ? 1 : yMax);
        double yTop = yTicks[yTicks.length - 1];
        double[] xs = xTicks != null ? xTicks : niceTicks(xMin, xMax);
        if (xTicks != null) {
            xMin = Math.min(xMin, xs[0]);
            xMax = Math.max(xMax, xs[xs.length - 1]);
        }
        Plot plot = new Plot(xMin, xMax, yTop);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, escape(title)));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" class=\"title\">%s</text>%n", LEFT, escape(title)));
        for (double y : yTicks) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>%n",
                    LEFT, WIDTH - RIGHT, plot.y(y), plot.y(y), LEFT - 6, plot.y(y) + 4, number(y)));
        }
        for (double x : xs) {
            if (x < xMin || x > xMax) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"grid\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>%n",
                    plot.x(x), plot.x(x), TOP, HEIGHT - BOTTOM, plot.x(x), HEIGHT - BOTTOM + 16, escape(xTickLabel.apply(x))));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>%n",
                LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 8, escape(xLabel)));
        b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" class=\"axis\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %d)\">%s</text>%n", TOP + (HEIGHT - TOP - BOTTOM) / 2,
                TOP + (HEIGHT - TOP - BOTTOM) / 2, escape(yLabel)));
        int legendX = WIDTH - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            legendX -= 14 + 8 * s.name().length();
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"19\" class=\"tick\">%s</text>%n", legendX, s.color(), legendX + 13, escape(s.name())));
        }
        for (Series s : series) {
            b.append("<polyline fill=\"none\" stroke-width=\"1.8\" stroke=\"").append(s.color()).append("\" points=\"");
            for (int i = 0; i < s.xs().length; i++) {
                b.append(String.format(Locale.ROOT, "%.1f,%.1f ", plot.x(s.xs()[i]), plot.y(s.ys()[i])));
            }
            b.append("\"/>\n");
        }
        return b.append("</svg>\n").toString();
    }

    private record Plot(double xMin, double xMax, double yTop) {
        double x(double value) {
            return LEFT + (value - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - Math.min(value, yTop) / yTop * (HEIGHT - TOP - BOTTOM);
        }
    }

    /** Round ticks from 0 to at least {@code max}: steps of 1, 2 or 5 times a power of ten. */
    static double[] niceTicks(double max) {
        return niceTicks(0, max);
    }

    static double[] niceTicks(double min, double max) {
        double raw = (max - min) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power : 10 * power;
        double first = Math.floor(min / step) * step;
        int count = (int) Math.ceil((max - first) / step - 1e-9) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = first + i * step;
        }
        return ticks;
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
