package org.cavechat.bench.report;

import java.util.Locale;

/** How figures are written in the reports: short for axes, with their error for tables. */
final class Numbers {
    private Numbers() {
    }

    /** 1, 10, 100, 1k, 10k, 1.5M: for axis ticks and tooltips. */
    static String compact(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return trim(value / 1e9) + "G";
        }
        if (abs >= 1e6) {
            return trim(value / 1e6) + "M";
        }
        if (abs >= 1e3) {
            return trim(value / 1e3) + "k";
        }
        return trim(value);
    }

    /** A figure with three significant digits and its error: {@code 2.35M ± 0.12M}. */
    static String withError(Metric metric) {
        String score = compact(metric.score());
        if (Double.isNaN(metric.error())) {
            return score + " (no error estimate)";
        }
        return score + " ± " + compact(metric.error());
    }

    /** A relative change as a signed percentage: {@code +12.5%}. */
    static String percent(double change) {
        return Double.isNaN(change) ? "" : String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }

    private static String trim(double value) {
        double abs = Math.abs(value);
        String text = abs >= 100 || abs == Math.rint(abs)
                ? String.format(Locale.ROOT, "%.0f", value)
                : abs >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.3g", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
