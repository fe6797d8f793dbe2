package org.cavechat.bots.swarm;

import org.cavechat.bots.Framing;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code line} or {@code legacy}, in any case. */
final class FramingConverter implements ITypeConverter<Framing> {
    @Override
    public Framing convert(String value) {
        try {
            return Framing.named(value.trim());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
