package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.QUIT;
import static org.cavechat.daemon.Notices.joined;
import static org.cavechat.daemon.Notices.left;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What the original clients (chat_clnt_GUI.py, chat_clnt.py) do on the wire, replayed byte for byte: typed text
 * without any newline, {@code {quit}} when the window closes followed by an immediate close without reading
 * (a TCP reset when data is unread), and {@code {quit}} even before a name was typed. The server must keep the
 * room intact through all of it.
 */
class OriginalClientTest {

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void theGuisWholeSessionContainsNoNewlineInEitherDirection() {
        WireClient gui = cave.connect();
        gui.expect(GREETING);
        gui.send("Type your messages here.");
        gui.expect(welcome("Type your messages here."));
        gui.send("hello");
        gui.expect(message("Type your messages here.", "hello"));
        gui.send(QUIT);
        gui.expect(QUIT);
        gui.expectEof();
    }

    @Test
    void closingTheWindowSendsQuitAndClosesWithoutReadingAndTheOthersAreToldOnce() {
        WireClient bob = cave.joinLegacy("bob");
        // The GUI never read what arrived after its welcome: bob's messages are unread when it closes, so
        // the close is a reset, possibly before the server has answered {quit}.
        WireClient gui = cave.joinLegacy("alice");
        bob.expect(joined("alice"));
        bob.send("unread").expect(message("bob", "unread"));
        gui.awaitUnread(message("bob", "unread").length());
        gui.send(QUIT);
        gui.close();

        bob.expect(left("alice"));
        bob.send("marker").expect(message("bob", "marker"));
        Deadline.awaitEquals("open connections", 1, () -> cave.stats().connectionsOpen());
        DaemonStats stats = cave.stats();
        assertEquals(1, stats.leaves(DisconnectReason.QUIT) + stats.leaves(DisconnectReason.RESET)
                + stats.leaves(DisconnectReason.WRITE_FAILED) + stats.leaves(DisconnectReason.CLOSED));
    }

    @Test
    void closingTheWindowBeforeTypingANameSendsQuitAsTheNameAndNobodyIsTold() {
        WireClient bob = cave.joinLegacy("bob");
        cave.connect().send(QUIT).expect(GREETING).expect(QUIT).expectEof();
        bob.send("marker").expect(message("bob", "marker"));
        assertEquals(1, cave.stats().joins());
    }

    @Test
    void theConsoleClientStopsOnAnExactQuitChunkSoTheEchoIsExactlyQuit() {
        WireClient console = cave.joinLegacy("carol");
        console.send(QUIT);
        console.expect(QUIT);
        console.expectEof();
    }

    @Test
    void aClientThatSendsItsNameBeforeReadingTheGreetingIsServedTheSame() {
        WireClient eager = cave.connect().send("eager");
        eager.expect(GREETING).expect(welcome("eager"));
        eager.send("hi").expect(message("eager", "hi"));
    }
}
