package org.cavechat.bots.swarm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --threshold METRIC OP VALUE}: METRIC is {@code p50}…{@code p99.99} or {@code max} (latency,
 * VALUE in ms, s or us, bare numbers are ms as in k6), {@code loss} (a share: 0.001 or 0.1%), {@code joined}
 * (bots; with % a share of those asked for) or {@code rate} (messages per second; with % a share of the
 * rate requested); OP is one of {@code < <= == >= >}. Spaces are allowed around the parts.
 */
final class ThresholdConverter implements ITypeConverter<Threshold> {
    static final String FORM = "write METRIC OP VALUE, e.g. p99<50ms, p99.9<=0.2s, loss==0, joined>=99%, rate>=95%";
    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*(p\\d+(?:\\.\\d+)?|max|loss|joined|rate)\\s*(<=|>=|==|<|>)\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|us|%)?\\s*");

    @Override
    public Threshold convert(String text) {
        Matcher m = EXPRESSION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a threshold: " + FORM);
        }
        String name = m.group(1);
        Threshold.Comparison comparison = comparison(m.group(2));
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4) == null ? "" : m.group(4);
        String expression = text.replaceAll("\\s+", "");
        return switch (name) {
            case "loss" -> new Threshold(expression, Threshold.Metric.LOSS, 0, comparison,
                    share(text, value, unit, "a share, e.g. 0.001 or 0.1%"), true);
            case "joined", "rate" -> {
                requireUnit(text, unit, "", "%");
                Threshold.Metric metric = name.equals("joined") ? Threshold.Metric.JOINED : Threshold.Metric.RATE;
                yield new Threshold(expression, metric, 0, comparison, unit.equals("%") ? value / 100 : value,
                        unit.equals("%"));
            }
            default -> new Threshold(expression, Threshold.Metric.LATENCY, percentile(text, name), comparison,
                    millis(text, value, unit), false);
        };
    }

    private static Threshold.Comparison comparison(String symbol) {
        for (Threshold.Comparison c : Threshold.Comparison.values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalStateException("the pattern admits no other operator: " + symbol);
    }

    private static double percentile(String text, String name) {
        double percentile = name.equals("max") ? 100 : Double.parseDouble(name.substring(1));
        if (!(percentile > 0 && percentile <= 100)) {
            throw new TypeConversionException("'" + text + "': a percentile is above 0 and at most 100");
        }
        return percentile;
    }

    private static double millis(String text, double value, String unit) {
        requireUnit(text, unit, "", "ms", "s", "us");
        return switch (unit) {
            case "s" -> value * 1000;
            case "us" -> value / 1000;
            default -> value;
        };
    }

    private static double share(String text, double value, String unit, String what) {
        requireUnit(text, unit, "", "%");
        double share = unit.equals("%") ? value / 100 : value;
        if (share > 1) {
            throw new TypeConversionException("'" + text + "': loss is " + what + ", at most 1 (100%)");
        }
        return share;
    }

    private static void requireUnit(String text, String unit, String... allowed) {
        for (String a : allowed) {
            if (a.equals(unit)) {
                return;
            }
        }
        throw new TypeConversionException("'" + text + "': '" + unit + "' is not a unit for this metric; " + FORM);
    }
}
