package org.cavechat.daemon;

import picocli.CommandLine;

/** {@code --framing auto|legacy|line}, case-insensitive, with a one-line error for anything else. */
final class FramingPolicyConverter implements CommandLine.ITypeConverter<FramingPolicy> {
    @Override
    public FramingPolicy convert(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> FramingPolicy.AUTO;
            case "legacy" -> FramingPolicy.LEGACY;
            case "line" -> FramingPolicy.LINE;
            default -> throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a framing (use auto, legacy or line)");
        };
    }
}
