package org.cavechat.bots;

import java.time.Duration;
import org.cavechat.daemon.DurationConverter;
import picocli.CommandLine.Option;

/** Timing options shared by {@code run} and {@code conform}. */
final class ScriptOptions {

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long connects and expectations wait, until a script's own 'timeout' step"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--pace", paramLabel = "DURATION", defaultValue = "0ms", converter = DurationConverter.class,
            description = "A pause after every join and send, for servers that need it: the original"
                    + " Python server merges quick sends and registers a joiner only after its welcome"
                    + " (use 100ms there; default: ${DEFAULT-VALUE}).")
    private Duration pace;

    Duration timeout() {
        return timeout;
    }

    Duration pace() {
        return pace;
    }
}
