package org.cavechat.bots;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --server host:port} (see {@link ServerAddress#parse}). */
public final class ServerAddressConverter implements ITypeConverter<ServerAddress> {

    @Override
    public ServerAddress convert(String value) {
        try {
            return ServerAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
