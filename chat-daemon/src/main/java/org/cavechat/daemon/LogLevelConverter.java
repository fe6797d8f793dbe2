package org.cavechat.daemon;

import picocli.CommandLine;

/** {@code --log-level error|warn|info|debug}, case-insensitive, with a one-line error for anything else. */
final class LogLevelConverter implements CommandLine.ITypeConverter<LogLevel> {
    @Override
    public LogLevel convert(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "error" -> LogLevel.ERROR;
            case "warn" -> LogLevel.WARN;
            case "info" -> LogLevel.INFO;
            case "debug" -> LogLevel.DEBUG;
            default -> throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a log level (use error, warn, info or debug)");
        };
    }
}
