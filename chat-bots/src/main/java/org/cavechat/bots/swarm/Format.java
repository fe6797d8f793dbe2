package org.cavechat.bots.swarm;

import java.util.Locale;

/** How figures are written for people: milliseconds with sensible precision, rates, shares. */
final class Format {
    private Format() {
    }

    static String millis(double ms) {
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 100 ? "%.1f/s" : "%.0f/s", perSecond);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.4f%%", share * 100);
    }

    /** {@code 20s}, {@code 1.5s}, {@code 250ms}, {@code 2m30s}: how the options are written. */
    static String duration(java.time.Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000 || ms % 1000 != 0) {
            return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format(Locale.ROOT, "%.3f", ms / 1000.0)
                    .replaceAll("0+$", "")) + "s";
        }
        long s = ms / 1000;
        return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
