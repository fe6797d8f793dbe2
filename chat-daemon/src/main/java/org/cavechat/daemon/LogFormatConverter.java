package org.cavechat.daemon;

import picocli.CommandLine;

/**
 * {@code --log-format auto|plain|journal}, case-insensitive; {@code auto} is decided here, from the environment
 * ({@link LogFormat#detect}), so the command holds the format it will use.
 */
final class LogFormatConverter implements CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> LogFormat.detect(System.getenv());
            case "plain" -> LogFormat.PLAIN;
            case "journal" -> LogFormat.JOURNAL;
            default -> throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a log format (use auto, plain or journal)");
        };
    }
}
