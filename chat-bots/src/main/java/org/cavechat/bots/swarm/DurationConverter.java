package org.cavechat.bots.swarm;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 250ms}, {@code 20s}, {@code 5m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT5M}). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofNanos(Math.round(Double.parseDouble(text.substring(0, text.length() - 2)) * 1e6));
            }
            double seconds = Double.parseDouble(text.replaceAll("[smh]$", ""));
            double unit = text.endsWith("m") ? 60 : text.endsWith("h") ? 3600 : 1;
            return Duration.ofNanos(Math.round(seconds * unit * 1e9));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (try 250ms, 20s, 5m)");
        }
    }
}
