package org.cavechat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clients' one copy of the server's texts is word for word the contract's (docs/protocol.md, "Items"). */
class ServerTextTest {
    private static final String NAME = "<name>";

    /** Surefire runs in the module's directory, one below the repository's root. */
    private static String protocol() throws IOException {
        return Files.readString(Path.of("..", "docs", "protocol.md"));
    }

    @Test
    void everyTextIsQuotedExactlyInTheProtocolsItemTables() throws IOException {
        String protocol = protocol();
        List<String> texts = List.of(ServerText.GREETING, ServerText.GREETING_ARTICLE, ServerText.welcome(NAME),
                ServerText.joined(NAME), ServerText.message(NAME, ""), ServerText.QUIT, ServerText.left(NAME),
                ServerText.NAME_TAKEN_OPEN + NAME + ServerText.NAME_TAKEN_CLOSE, ServerText.NAME_INVALID,
                ServerText.FULL, ServerText.NAME_TIMEOUT,
                ServerText.LINE_TOO_LONG_OPEN + "<max>" + ServerText.LINE_TOO_LONG_CLOSE, ServerText.SHUTDOWN);
        for (String text : texts) {
            assertTrue(protocol.contains("`" + text + "`"), "docs/protocol.md quotes `" + text + "`");
        }
    }

    @Test
    void theGreetingsHaveTheByteCountsTheProtocolGives() {
        assertEquals(60, ServerText.GREETING.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(59, ServerText.GREETING_ARTICLE.getBytes(StandardCharsets.UTF_8).length);
    }
}
