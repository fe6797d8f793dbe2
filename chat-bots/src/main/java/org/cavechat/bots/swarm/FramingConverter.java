package org.cavechat.bots.swarm;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code line} or {@code legacy}, in any case. */
final class FramingConverter implements ITypeConverter<Framing> {
    @Override
    public Framing convert(String value) {
        try {
            return Framing.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a framing (line or legacy)");
        }
    }
}
