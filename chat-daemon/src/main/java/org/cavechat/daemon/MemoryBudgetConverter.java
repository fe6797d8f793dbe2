package org.cavechat.daemon;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --memory-budget}: a number of bytes, or {@code auto} for {@link DaemonConfig#defaultMemoryBudget()}. */
final class MemoryBudgetConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        if (value.equalsIgnoreCase("auto")) {
            return DaemonConfig.defaultMemoryBudget();
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw new TypeConversionException("'" + value + "' is neither a number of bytes nor auto");
        }
    }
}
