package org.cavechat.bots;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Why a connection to the server could not be made, in the words every command prints: what is wrong,
 * once, and for a refused connection the likely cause ({@code run}, {@code conform} and {@code swarm}).
 */
public final class ConnectFailure {

    /** A refused connection: nothing listens on that port, which almost always means no daemon runs. */
    public static final String REFUSED = "connection refused (is the daemon running?)";

    private ConnectFailure() {}

    /** {@code cannot connect to HOST:PORT: REASON}. */
    public static String describe(String host, int port, IOException cause) {
        return "cannot connect to " + host + ":" + port + ": " + reason(cause);
    }

    /** The cause in words, without the JDK's repetition of it (its messages are not sentences for users). */
    static String reason(IOException cause) {
        if (cause instanceof UnknownHostException) {
            return "unknown host";
        }
        if (cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("refused")) {
            return REFUSED;
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer before the timeout";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.toLowerCase(Locale.ROOT);
    }
}
