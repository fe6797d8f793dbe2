package org.cavechat.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine;

/** {@code --bind ADDRESS}: an IP literal or a host name, with a one-line error naming the host it cannot find. */
final class HostConverter implements CommandLine.ITypeConverter<InetAddress> {
    @Override
    public InetAddress convert(String value) {
        if (value.isBlank()) {
            // InetAddress reads an empty name as loopback: an empty CAVECHAT_BIND would quietly serve nobody.
            throw new CommandLine.TypeConversionException("no address given (use e.g. 0.0.0.0, ::1 or a host name)");
        }
        try {
            return InetAddress.getByName(value.strip());
        } catch (UnknownHostException e) {
            throw new CommandLine.TypeConversionException("unknown host '" + value + "'");
        }
    }
}
