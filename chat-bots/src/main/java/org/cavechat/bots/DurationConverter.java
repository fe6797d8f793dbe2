package org.cavechat.bots;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people write them: {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}, or ISO-8601
 * ({@code PT5M}), the same forms as the daemon's options. Negative durations are refused.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * Parses one duration.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Duration parse(String value) {
        Matcher simple = SIMPLE.matcher(value.trim());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        Duration iso = iso(value.trim());
        if (iso != null && !iso.isNegative()) {
            return iso;
        }
        throw new IllegalArgumentException("'" + value + "' is not a duration (write 250ms, 2s, 5m, 1h or PT5M)");
    }

    private static Duration iso(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
