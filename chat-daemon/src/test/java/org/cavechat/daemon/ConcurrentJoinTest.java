package org.cavechat.daemon;

import static org.cavechat.daemon.Notices.GREETING;
import static org.cavechat.daemon.Notices.message;
import static org.cavechat.daemon.Notices.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Original defect 3: membership was an unsynchronised dictionary; 300 clients joining at once killed 270
 * handler threads ("dictionary changed size during iteration") and a later broadcast reached 0 of 300.
 * Here 300 clients connect and name themselves at the same moment, each from its own thread.
 */
class ConcurrentJoinTest {

    private static final int CLIENTS = 300;

    @AutoClose
    final RunningServer cave = RunningServer.start();

    @Test
    void threeHundredClientsJoiningAtOnceAreAllWelcomedAndAMessageThenReachesAllThreeHundred() throws Exception {
        List<WireClient> members = joinAllAtOnce();
        assertEquals(CLIENTS, cave.stats().joins());

        members.get(0).send("hello everyone\n");

        // Each member sees the join notices of those who joined after it, then the message: the notices
        // across all members number 0 + 1 + ... + 299, and none is a member's own.
        long notices = 0;
        for (int i = 0; i < CLIENTS; i++) {
            Set<String> joinedAfter = new HashSet<>();
            String line;
            while (!(line = members.get(i).readLine()).equals(message("m0", "hello everyone"))) {
                assertTrue(line.matches("m\\d+ has joined the chat!"), "member m" + i + " got " + line);
                assertTrue(joinedAfter.add(line), "member m" + i + " got " + line + " twice");
                assertTrue(!line.equals(Notices.joined("m" + i)), "member m" + i + " got its own join");
            }
            notices += joinedAfter.size();
        }
        assertEquals((long) CLIENTS * (CLIENTS - 1) / 2, notices);
    }

    private List<WireClient> joinAllAtOnce() throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WireClient>> joins = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                String name = "m" + i;
                joins.add(threads.submit(() -> {
                    start.await();
                    WireClient client = cave.connect();
                    return client.send(name + "\n").expect(GREETING).expect(welcome(name) + "\n");
                }));
            }
            start.countDown();
        }
        List<WireClient> members = new ArrayList<>();
        for (Future<WireClient> join : joins) {
            members.add(join.get());
        }
        return members;
    }
}
