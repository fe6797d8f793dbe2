package org.cavechat.bots;

/** A malformed script: its message reads {@code file:line: what is wrong}. */
final class ScriptException extends Exception {

    private static final long serialVersionUID = 1L;

    ScriptException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }

    ScriptException(String file, String message) {
        super(file + ": " + message);
    }
}
