package org.cavechat.daemon;

import picocli.CommandLine;

/** {@code --greeting repository|article}, case-insensitive, with a one-line error for anything else. */
final class GreetingConverter implements CommandLine.ITypeConverter<Greeting> {
    @Override
    public Greeting convert(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "repository" -> Greeting.REPOSITORY;
            case "article" -> Greeting.ARTICLE;
            default -> throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a greeting (use repository or article)");
        };
    }
}
