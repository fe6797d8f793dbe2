package org.cavechat.daemon;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations the way operators write them: {@code 250ms}, {@code 300s}, {@code 5m}, {@code 1h}, or
 * ISO-8601 ({@code PT5M}). The one rule for every duration of the daemon's and the bots' command lines
 * (docs/protocol.md, "Settings"): from zero to {@link #LONGEST}, any number of digits; a negative
 * duration or a longer one is refused, so that no deadline computed from it can overflow.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    /** A year: far beyond any timeout or run, and far inside the nanoseconds a {@code long} counts. */
    public static final Duration LONGEST = Duration.ofDays(365);

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final BigInteger LONGEST_MILLIS = BigInteger.valueOf(LONGEST.toMillis());

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /**
     * Parses one duration.
     *
     * @throws IllegalArgumentException saying what is wrong, in one line
     */
    public static Duration parse(String value) {
        Duration duration = read(value.trim());
        if (duration == null) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a duration (write 250ms, 2s, 5m, 1h or PT5M)");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + value + "' is negative: a duration is 0 or more");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("'" + value + "' is longer than the longest duration, "
                    + LONGEST.toHours() + "h (" + LONGEST.toDays() + " days)");
        }
        return duration;
    }

    /** The duration written, or null when it is not one; too long is returned as just over the longest. */
    private static Duration read(String text) {
        Matcher matcher = SHORT.matcher(text);
        if (matcher.matches()) {
            long unitMillis = switch (matcher.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            BigInteger millis = new BigInteger(matcher.group(1)).multiply(BigInteger.valueOf(unitMillis));
            return millis.compareTo(LONGEST_MILLIS) > 0 ? LONGEST.plusMillis(1) : Duration.ofMillis(millis.longValue());
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
