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

    static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
