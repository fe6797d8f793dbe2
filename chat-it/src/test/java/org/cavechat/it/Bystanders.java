package org.cavechat.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Two ordinary line members, alice and bob, who keep talking while a test attacks the daemon: alice sends a
 * numbered probe every 10 ms and both read everything they receive on threads of their own. Afterwards the
 * test learns whether every probe reached both of them, complete and in order, and alice's round-trip times
 * (from her write to her own copy of the probe). Bounded: the probes stop when {@link #stop} is called or after
 * {@link #MAX_PROBES}.
 */
final class Bystanders implements AutoCloseable {
    private static final long PROBE_INTERVAL_NANOS = 10_000_000;
    private static final int MAX_PROBES = 30_000;
    private final Peer alice;
    private final Peer bob;
    private final ConcurrentHashMap<Integer, Long> sentAt = new ConcurrentHashMap<>();
    private final List<Long> roundTripsNanos = Collections.synchronizedList(new ArrayList<>());
    private final Thread talker;
    private final Thread aliceReader;
    private final Thread bobReader;
    private volatile boolean stopping;
    /** The number of the last probe, once the talker has decided to stop; -1 before. */
    private volatile int lastProbe = -1;
    private volatile int sent;
    private volatile int aliceReceived;
    private volatile int bobReceived;
    private volatile String failure;

    private Bystanders(Peer alice, Peer bob) {
        this.alice = alice;
        this.bob = bob;
        this.talker = Thread.ofPlatform().name("bystander-talker").unstarted(this::talk);
        this.aliceReader = Thread.ofPlatform().name("bystander-alice").unstarted(() -> read(alice, true));
        this.bobReader = Thread.ofPlatform().name("bystander-bob").unstarted(() -> read(bob, false));
    }

    /** Joins alice and bob and starts them talking. */
    static Bystanders start(InetSocketAddress server) throws IOException {
        Peer alice = Peer.lineMember(server, "alice");
        Peer bob = Peer.lineMember(server, "bob");
        alice.expectLine(ServerText.joined("bob"));
        Bystanders pair = new Bystanders(alice, bob);
        pair.aliceReader.start();
        pair.bobReader.start();
        pair.talker.start();
        return pair;
    }

    /** Sends one last probe and waits until both have read it (or stopped reading). */
    void stop() throws InterruptedException {
        stopping = true;
        talker.join();
        aliceReader.join(Peer.PATIENCE.toMillis());
        bobReader.join(Peer.PATIENCE.toMillis());
        if (failure == null && (aliceReceived != sent || bobReceived != sent)) {
            failure = "of " + sent + " probes alice received " + aliceReceived + " and bob " + bobReceived;
        }
    }

    /** Why the pair was not served as promised, or null when every probe reached both, whole and in order. */
    String failure() {
        return failure;
    }

    int probes() {
        return sent;
    }

    /** Alice's round-trip time at the given percentile (0 to 100), in milliseconds. */
    double roundTripMillis(double percentile) {
        List<Long> sorted;
        synchronized (roundTripsNanos) {
            sorted = new ArrayList<>(roundTripsNanos);
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private void talk() {
        long next = System.nanoTime();
        try {
            for (int probe = 0; probe < MAX_PROBES; probe++) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += PROBE_INTERVAL_NANOS;
                boolean last = stopping || probe == MAX_PROBES - 1;
                if (last) {
                    lastProbe = probe; // Before the send: a reader that sees this probe knows it is the last.
                }
                sentAt.put(probe, System.nanoTime());
                alice.sendLine("probe " + probe);
                sent = probe + 1;
                if (last) {
                    return;
                }
            }
        } catch (IOException e) {
            failure = "alice could not send: " + e;
        }
    }

    /** Reads every line until the last probe has arrived; other lines (the attack's) are skipped. */
    private void read(Peer member, boolean isAlice) {
        String prefix = ServerText.message("alice", "probe ");
        int expected = 0;
        try {
            while (true) {
                String line = member.readLine();
                if (!line.startsWith(prefix)) {
                    continue;
                }
                int probe = Integer.parseInt(line.substring(prefix.length()));
                if (probe != expected) {
                    failure = (isAlice ? "alice" : "bob") + " received probe " + probe + " where " + expected
                            + " was due";
                    return;
                }
                if (isAlice) {
                    roundTripsNanos.add(System.nanoTime() - sentAt.remove(probe));
                    aliceReceived = probe + 1;
                } else {
                    bobReceived = probe + 1;
                }
                if (probe == lastProbe) {
                    return;
                }
                expected++;
            }
        } catch (IOException | AssertionError | NumberFormatException e) {
            failure = (isAlice ? "alice" : "bob") + " stopped reading: " + e.getMessage();
        }
    }

    @Override
    public void close() throws IOException {
        stopping = true;
        alice.close();
        bob.close();
    }
}
