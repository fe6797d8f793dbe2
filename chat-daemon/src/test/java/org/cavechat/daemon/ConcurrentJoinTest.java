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
 * Here 300 clients connect and name themselves at the same moment, each from its own thread; and members quit
 * while others join, all at once.
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

    @Test
    void fiftyMembersQuittingWhileFiftyOthersJoinLeaveAConsistentRoom() throws Exception {
        WireClient watcher = cave.joinLine("watcher");
        List<WireClient> stayers = joinAllAtOnce("stay", 50);
        List<WireClient> leavers = joinAllAtOnce("leave", 50);

        List<WireClient> newcomers = quitAndJoinAtOnce(leavers, "new", 50);

        watcher.send("after the churn\n");
        String message = message("watcher", "after the churn");
        List<String> watched = linesUntil(watcher, message);
        assertEquals(150, watched.stream().filter(line -> line.endsWith(" has joined the chat!")).count());
        assertEquals(50, watched.stream().filter(line -> line.endsWith(" has left the chat.")).count());
        for (WireClient member : stayers) {
            linesUntil(member, message);
        }
        for (WireClient member : newcomers) {
            linesUntil(member, message);
        }
        assertEquals(151, cave.stats().joins());
        Deadline.awaitLeaves(cave, DisconnectReason.QUIT, 50);
        assertEquals(101, cave.stats().connectionsOpen());
    }

    /** Every leaver quits while {@code count} newcomers join, all released at once; returns the newcomers. */
    private List<WireClient> quitAndJoinAtOnce(List<WireClient> leavers, String prefix, int count)
            throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WireClient>> churn = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (WireClient leaver : leavers) {
                churn.add(threads.submit(() -> {
                    start.await();
                    leaver.send(Notices.QUIT + "\n");
                    // Notices of others' joins and leaves may precede the echo; nothing may follow it.
                    String line;
                    do {
                        line = leaver.readLine();
                    } while (!line.equals(Notices.QUIT));
                    leaver.expectEof();
                    return leaver;
                }));
            }
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                churn.add(threads.submit(() -> {
                    start.await();
                    return cave.connect().send(name + "\n").expect(GREETING).expect(welcome(name) + "\n");
                }));
            }
            start.countDown();
        }
        List<WireClient> newcomers = new ArrayList<>();
        for (Future<WireClient> done : churn.subList(leavers.size(), churn.size())) {
            newcomers.add(done.get());
        }
        for (Future<WireClient> done : churn.subList(0, leavers.size())) {
            done.get();
        }
        return newcomers;
    }

    /** Lines up to {@code last} (exclusive), each of which must be a join or leave notice. */
    private static List<String> linesUntil(WireClient member, String last) {
        List<String> notices = new ArrayList<>();
        String line;
        while (!(line = member.readLine()).equals(last)) {
            assertTrue(line.endsWith(" has joined the chat!") || line.endsWith(" has left the chat."), line);
            notices.add(line);
        }
        return notices;
    }

    private List<WireClient> joinAllAtOnce() throws InterruptedException, ExecutionException {
        return joinAllAtOnce("m", CLIENTS);
    }

    /** Joins {@code count} line members named {@code prefix0...}, all released at the same instant. */
    private List<WireClient> joinAllAtOnce(String prefix, int count) throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WireClient>> joins = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
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
