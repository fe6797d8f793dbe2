package org.cavechat.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine;

/**
 * Reads the metrics address: empty means off (null), a bare {@code PORT} means loopback only (counters are
 * for the operator, not the chat's users), {@code HOST:PORT} or {@code [IPV6]:PORT} listens there.
 */
final class MetricsAddressConverter implements CommandLine.ITypeConverter<InetSocketAddress> {

    @Override
    public InetSocketAddress convert(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = port(text.substring(colon + 1), value);
        try {
            InetAddress address = host.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw new CommandLine.TypeConversionException("'" + value + "': unknown host " + host);
        }
    }

    private static int port(String digits, String value) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the one message that says what to write
        }
        throw new CommandLine.TypeConversionException(
                "'" + value + "' is not a metrics address (write PORT, HOST:PORT or [IPV6]:PORT)");
    }
}
