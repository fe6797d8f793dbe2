package org.cavechat.bots;

import java.net.InetSocketAddress;

/** Where a chat server listens, as written on the command line: {@code host:port}. */
public record ServerAddress(String host, int port) {

    public static final int DEFAULT_PORT = 33000;

    public ServerAddress {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /**
     * Parses {@code host:port}, {@code [v6-address]:port} or a bare host (port 33000).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static ServerAddress parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        boolean bracketed = value.startsWith("[");
        if (colon < 0 || bracketed && colon < value.indexOf(']') || !bracketed && value.indexOf(':') != colon) {
            return new ServerAddress(unbracket(requireHost(value, text)), DEFAULT_PORT);
        }
        String host = unbracket(requireHost(value.substring(0, colon), text));
        String port = value.substring(colon + 1);
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("'" + text + "' has no valid port (write host:port, like localhost:33000)");
        }
        return new ServerAddress(host, Integer.parseInt(port));
    }

    private static String requireHost(String host, String text) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no host (write host:port, like localhost:33000)");
        }
        return host;
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Resolves the host now; an unknown host gives an unresolved address that fails on connect. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
