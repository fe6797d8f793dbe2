package org.cavechat.bots;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One line of a conversation script (docs/scripts.md). Every step remembers its line number and
 * source text so that a failure can quote it.
 */
sealed interface Step {

    int line();

    String source();

    /** The bot a step acts on, or null for steps that act on none. */
    default String bot() {
        return null;
    }

    /** {@code connect BOT legacy|line [nogreeting]}. */
    record Connect(int line, String source, String bot, Framing framing, boolean awaitGreeting) implements Step {
    }

    /** {@code join BOT [NAME]}: sends the name, waits for its welcome. */
    record Join(int line, String source, String bot, String name) implements Step {
    }

    /** {@code send BOT TEXT}: one message, framed in the bot's framing. */
    record Send(int line, String source, String bot, byte[] text) implements Step {
    }

    /** {@code raw BOT "BYTES"} or {@code raw BOT hex HH...}: these bytes and nothing else. */
    record Raw(int line, String source, String bot, byte[] bytes) implements Step {
    }

    /** {@code expect BOT ITEM}: the next item is exactly this. */
    record Expect(int line, String source, String bot, String item) implements Step {
    }

    /** {@code match BOT REGEX}: the next item matches this whole. */
    record Match(int line, String source, String bot, Pattern pattern) implements Step {
    }

    /** {@code expect-nothing BOT [DURATION]}: no item and no end of stream for that long. */
    record ExpectNothing(int line, String source, String bot, Duration quiet) implements Step {
    }

    /** {@code expect-eof BOT}: the server closes the connection next. */
    record ExpectEof(int line, String source, String bot) implements Step {
    }

    /** {@code quit BOT}: sends {@code {quit}}. */
    record Quit(int line, String source, String bot) implements Step {
    }

    /** {@code reset BOT}: closes with a TCP reset. */
    record Reset(int line, String source, String bot) implements Step {
    }

    /** {@code half-close BOT}: ends the bot's sending side and keeps reading. */
    record HalfClose(int line, String source, String bot) implements Step {
    }

    /** {@code close BOT}: closes without {@code {quit}}. */
    record Close(int line, String source, String bot) implements Step {
    }

    /** {@code pause DURATION}. */
    record Pause(int line, String source, Duration length) implements Step {
    }

    /** {@code timeout DURATION}: how long later steps wait for what they expect. */
    record Timeout(int line, String source, Duration length) implements Step {
    }
}
