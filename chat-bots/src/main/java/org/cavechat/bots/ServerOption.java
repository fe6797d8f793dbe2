package org.cavechat.bots;

import picocli.CommandLine.Option;

/** The {@code --server host:port} option shared by every command that talks to a server. */
public final class ServerOption {

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "localhost:33000",
            converter = ServerAddressConverter.class,
            description = "The chat server to talk to (default: ${DEFAULT-VALUE}).")
    private ServerAddress server;

    public ServerAddress server() {
        return server;
    }
}
