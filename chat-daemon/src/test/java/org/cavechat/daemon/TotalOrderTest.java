package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.joined;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Original defect 9: each handler thread broadcast on its own, so concurrent senders' messages reached different
 * members in different orders. Here several senders write at once from their own threads and every member,
 * senders included and a legacy member too, must observe the identical sequence, with each sender's messages in
 * the order it sent them.
 */
class TotalOrderTest {

    private static final int SENDERS = 4;
    private static final int LISTENERS = 3;
    private static final int MESSAGES_EACH = 250;

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void concurrentSendersMessagesReachEveryMemberInOneIdenticalOrder() throws Exception {
        List<WireClient> members = new ArrayList<>();
        for (int i = 0; i < SENDERS + LISTENERS; i++) {
            WireClient member = cave.joinLine("p" + i);
            for (WireClient earlier : members) {
                earlier.expect(joined("p" + i) + "\n");
            }
            members.add(member);
        }
        WireClient legacyListener = cave.joinLegacy("legacy");
        for (WireClient member : members) {
            member.expect(joined("legacy") + "\n");
        }

        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(SENDERS)) {
            List<Future<?>> sends = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                WireClient sender = members.get(s);
                int senderIndex = s;
                sends.add(threads.submit(() -> {
                    start.await();
                    for (int m = 0; m < MESSAGES_EACH; m++) {
                        sender.send(senderIndex + "." + m + "\n");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> send : sends) {
                send.get();
            }
        }

        List<String> reference = readAll(members.get(0));
        assertEachSendersMessagesInSendingOrder(reference);
        for (int i = 1; i < members.size(); i++) {
            assertEquals(reference, readAll(members.get(i)), "member p" + i + " saw another order than p0");
        }
        // The legacy member gets the same items without newlines: exactly the reference's bytes, concatenated.
        legacyListener.expect(String.join("", reference));
    }

    private static List<String> readAll(WireClient member) {
        List<String> lines = new ArrayList<>(SENDERS * MESSAGES_EACH);
        for (int i = 0; i < SENDERS * MESSAGES_EACH; i++) {
            lines.add(member.readLine());
        }
        return lines;
    }

    private static void assertEachSendersMessagesInSendingOrder(List<String> lines) {
        Map<Integer, Integer> nextOf = new HashMap<>();
        for (String line : lines) {
            String[] nameAndText = line.split(": ", 2);
            int sender = Integer.parseInt(nameAndText[0].substring(1));
            String[] senderAndNumber = nameAndText[1].split("\\.");
            assertEquals(sender, Integer.parseInt(senderAndNumber[0]), "prefix of " + line);
            int expected = nextOf.getOrDefault(sender, 0);
            assertEquals(expected, Integer.parseInt(senderAndNumber[1]), "order of p" + sender + "'s messages");
            nextOf.put(sender, expected + 1);
        }
        for (int s = 0; s < SENDERS; s++) {
            assertEquals(MESSAGES_EACH, nextOf.get(s), "messages of p" + s);
        }
    }
}
