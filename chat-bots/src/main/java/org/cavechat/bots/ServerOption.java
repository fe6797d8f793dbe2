package org.cavechat.bots;

import picocli.CommandLine.Option;

/** The {@code --server host:port} option shared by every command that talks to a server. */
public final class ServerOption {

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "${env:CAVECHAT_SERVER:-localhost:33000}",
            converter = ServerAddressConverter.class,
            description = "The chat server to talk to (env CAVECHAT_SERVER; default: ${DEFAULT-VALUE}).")
    private ServerAddress server;

    public ServerAddress server() {
        return server;
    }
}
