package org.cavechat.bots;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The server could not be connected to at all: the run stops with exit status 3. */
final class UnreachableServerException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreachableServerException(InetSocketAddress server, IOException cause) {
        super("cannot reach " + server.getHostString() + ":" + server.getPort() + ": " + describe(cause), cause);
    }

    private static String describe(IOException cause) {
        if (cause instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
