package org.cavechat.daemon;

/** The daemon's exit statuses (docs/protocol.md); systemd units and scripts rely on them. */
final class ExitCode {
    /** {@code --help}, {@code --version}. */
    static final int OK = 0;
    /** The server failed unexpectedly. */
    static final int FAILED = 1;
    /** A bad option or value. */
    static final int USAGE = 2;
    /** The address cannot be listened on: in use, not available, not permitted. */
    static final int CANNOT_LISTEN = 3;
    /** The Java heap ran out (an OutOfMemoryError in any thread). */
    static final int OUT_OF_MEMORY = 4;

    private ExitCode() {}
}
