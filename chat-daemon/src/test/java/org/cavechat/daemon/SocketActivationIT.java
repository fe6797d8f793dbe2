package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket activation with the real launcher and jar: systemd-socket-activate owns the listening socket, starts
 * the installed service on the first connection and hands the socket down; the daemon serves it instead of
 * binding, so the connection that caused the start is the first one greeted.
 */
class SocketActivationIT {
    @TempDir
    Path scratch;

    private ActivatedService service;

    @BeforeEach
    void listen() throws IOException, InterruptedException {
        service = ActivatedService.listen(ScratchRoot.install(scratch));
    }

    @AfterEach
    void kill() {
        service.close();
    }

    @Test
    void theConnectionThatStartsTheServiceIsGreetedThroughTheInheritedSocket() throws Exception {
        try (WireClient first = WireClient.connect(service.port())) {
            first.expect(Notices.GREETING);
            // Not port 33000 from the environment file: the daemon serves the socket it inherited.
            assertEquals("READY listening on 127.0.0.1:" + service.port(),
                    service.stdout().await(line -> line.startsWith("READY"), ActivatedService.DEADLINE));

            first.send("alice\n").expect(Notices.welcome("alice") + "\n");
            try (WireClient second = WireClient.connect(service.port())) {
                second.expect(Notices.GREETING);
            }
        }
    }
}
