package org.cavechat.daemon;

import picocli.CommandLine;

/** Every {@code int} option: says in words what is wrong with a value (picocli's own says "not an int"). */
final class WholeNumberConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String text = value.strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            String problem = text.matches("[+-]?\\d+") ? "is out of range" : "is not a whole number";
            throw new CommandLine.TypeConversionException("'" + value + "' " + problem);
        }
    }
}
