package org.cavechat.bots;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The server could not be connected to at all: the run stops with exit status 3. */
final class UnreachableServerException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreachableServerException(InetSocketAddress server, IOException cause) {
        super(ConnectFailure.describe(server.getHostString(), server.getPort(), cause), cause);
    }
}
