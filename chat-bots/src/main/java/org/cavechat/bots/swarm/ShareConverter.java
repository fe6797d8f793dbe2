package org.cavechat.bots.swarm;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a share as a fraction ({@code 0.001}) or a percentage ({@code 0.1%}); the result is a fraction in [0, 1]. */
final class ShareConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String text = value.trim();
        boolean percent = text.endsWith("%");
        double share;
        try {
            share = Double.parseDouble(percent ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a share (try 0.001 or 0.1%)");
        }
        if (percent) {
            share /= 100;
        }
        if (!(share >= 0 && share <= 1)) {
            throw new TypeConversionException("'" + value + "' is not between 0 and 1 (0% and 100%)");
        }
        return share;
    }
}
