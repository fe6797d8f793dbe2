package org.cavechat.bots;

import java.io.IOException;

/** The server sent something other than what the protocol promises at this point. */
public final class ChatProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ChatEvent event;

    ChatProtocolException(String expected, ChatEvent event) {
        super("expected " + expected + " but received \"" + event.item() + "\"");
        this.event = event;
    }

    /** What arrived instead. */
    public ChatEvent event() {
        return event;
    }
}
