package org.cavechat.bots.swarm;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code host:port} (or {@code [v6]:port}) into an unresolved address; resolving it is the
 * command's job, because a name that does not resolve is an unreachable server (exit 3), not bad usage.
 */
final class HostPortConverter implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new TypeConversionException("'" + value + "' is not host:port");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' has no port number after the colon");
        }
        if (port < 1 || port > 65535) {
            throw new TypeConversionException("port " + port + " is not between 1 and 65535");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
