package org.cavechat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baseline must speak CaveChat's protocol, or the comparison would compare different work. */
class ThreadPerClientServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static String read(Socket socket, int bytes) throws IOException {
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        InputStream in = socket.getInputStream();
        return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLineMemberAndALegacyMemberEachGetEveryItemInTheirOwnFraming() throws Exception {
        try (ThreadPerClientServer server = ThreadPerClientServer.start(InetAddress.getLoopbackAddress());
                Socket bob = new Socket(InetAddress.getLoopbackAddress(), server.localAddress().getPort());
                Socket alice = new Socket(InetAddress.getLoopbackAddress(), server.localAddress().getPort())) {
            String greeting = "Greetings from the cave! Now type your name and press enter!";
            assertEquals(greeting, read(bob, 60));
            write(bob, "bob\n");
            assertEquals("Welcome bob! If you ever want to quit, type {quit} to exit.\n", read(bob, 60));
            assertEquals(greeting, read(alice, 60));
            write(alice, "alice");
            assertEquals("Welcome alice! If you ever want to quit, type {quit} to exit.", read(alice, 61));
            assertEquals("alice has joined the chat!\n", read(bob, 27));

            write(bob, "hello\n");
            assertEquals("bob: hello\n", read(bob, 11));
            assertEquals("bob: hello", read(alice, 10));

            write(alice, "{quit}");
            assertEquals("{quit}", read(alice, 6));
            assertEquals("alice has left the chat.\n", read(bob, 25));
        }
    }

    /**
     * Every member is connected and greeted first, so that each name follows the previous welcome as
     * closely as a client can: a server that welcomes before the member is in the room loses or reorders
     * join notices here (the original's order, which the baseline once copied).
     */
    @Test
    void aMemberThatHasItsWelcomeReceivesEveryLaterJoinNoticeAndMessage() throws Exception {
        int count = 100;
        try (ThreadPerClientServer server = ThreadPerClientServer.start(InetAddress.getLoopbackAddress())) {
            List<Socket> members = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    members.add(new Socket(InetAddress.getLoopbackAddress(), server.localAddress().getPort()));
                    read(members.get(i), 60);
                }
                for (int i = 0; i < count; i++) {
                    write(members.get(i), "m" + i + "\n");
                    String welcome = "Welcome m" + i + "! If you ever want to quit, type {quit} to exit.\n";
                    assertEquals(welcome, read(members.get(i), welcome.length()));
                }
                write(members.getFirst(), "done\n");
                for (int i = 0; i < count; i++) {
                    StringBuilder expected = new StringBuilder();
                    for (int later = i + 1; later < count; later++) {
                        expected.append("m").append(later).append(" has joined the chat!\n");
                    }
                    expected.append("m0: done\n");
                    assertEquals(expected.toString(), read(members.get(i), expected.length()), "m" + i);
                }
            } finally {
                for (Socket member : members) {
                    member.close();
                }
            }
        }
    }
}
