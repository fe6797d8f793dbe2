package org.cavechat.daemon;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The chat room: who is a member under which name, and what each message means. Turns the text a
 * connection sent into protocol events (a name, a message, {@code {quit}}) and broadcasts the resulting
 * {@link ServerItem}s, encoded once per framing, into every member's outbox. It never writes to a socket for
 * a broadcast and never waits for a member: a member whose outbox is over budget is removed as a slow
 * consumer once the broadcast is done. Event-loop thread only, which is what gives every member the same
 * order of items.
 */
final class Room {
    private static final String QUIT = "{quit}";

    private final DaemonStats stats;
    private final FlowControl flow;
    private final ConnectionLog events;
    /** The loop's scratch buffer, used here only to flush a connection's last words before it closes. */
    private final ByteBuffer scratch;
    private final Map<String, Connection> membersByIdentity = new HashMap<>();
    private final Map<ServerItem, Frame> fixedLegacyFrames = new HashMap<>();
    private final Map<ServerItem, Frame> fixedLineFrames = new HashMap<>();
    private Connection[] members = new Connection[16];
    private int memberCount;
    private int legacyMembers;
    /** Members found over budget during a broadcast; removed after it, so a broadcast is never re-entered. */
    private final ArrayDeque<Connection> slowConsumers = new ArrayDeque<>();

    Room(DaemonStats stats, FlowControl flow, ConnectionLog events, ByteBuffer scratch) {
        this.stats = stats;
        this.flow = flow;
        this.events = events;
        this.scratch = scratch;
    }

    int memberCount() {
        return memberCount;
    }

    /** A complete message from {@code connection}: a name while it is naming, chat once it is a member. */
    void onText(Connection connection, String text) {
        switch (connection.state()) {
            case NAMING -> onName(connection, text);
            case MEMBER -> onMessage(connection, text);
            case CLOSED -> { /* The rest of a read that ended the connection (e.g. after {quit}) is void. */ }
        }
        removeSlowConsumers();
    }

    /** A line over the cap was dropped: only its sender is told. */
    void onLineTooLong(Connection connection, int maxLineBytes) {
        if (!connection.isClosed()) {
            send(connection, new ServerItem.LineTooLong(maxLineBytes));
            events.lineDropped(connection, maxLineBytes);
        }
        removeSlowConsumers();
    }

    /** Ends {@code connection} for {@code reason}; the other members are told if it was one of them. */
    void disconnect(Connection connection, DisconnectReason reason) {
        leave(connection, reason);
        removeSlowConsumers();
    }

    /** Item 1 of docs/protocol.md: the greeting, queued for a connection that has just been accepted. */
    void greet(Connection connection, Greeting greeting) {
        send(connection, new ServerItem.Hello(greeting));
    }

    /**
     * Closes {@code connection} without telling anyone: for a server that is going away, where a leave notice
     * per member would cost time quadratic in the room's size and reach nobody who stays.
     */
    void dismiss(Connection connection, DisconnectReason reason) {
        if (connection.isClosed()) {
            return;
        }
        if (connection.isMember()) {
            removeMember(connection);
        }
        connection.close();
        stats.connectionClosed(reason);
    }

    /** Queues {@code item} as the connection's last item and closes it once written (see EventLoop). */
    void sayGoodbye(Connection connection, ServerItem item) {
        connection.finishWith(frameFor(item, framingOf(connection)));
    }

    private void onName(Connection connection, String name) {
        if (name.equals(QUIT)) {
            quit(connection);
        } else {
            switch (NamePolicy.judge(name)) {
                case MALFORMED -> refuseName(connection, new ServerItem.NameInvalid(), "an invalid name");
                case MISLEADING -> refuseName(connection, new ServerItem.NameMisleading(), "a misleading name");
                case ACCEPTABLE -> joinUnlessTaken(connection, name);
            }
        }
    }

    /** The refused name is not logged: it may hide characters that would garble the log. */
    private void refuseName(Connection connection, ServerItem refusal, String what) {
        send(connection, refusal);
        events.nameRefused(connection, what);
    }

    private void joinUnlessTaken(Connection connection, String name) {
        if (membersByIdentity.containsKey(NamePolicy.identity(name))) {
            send(connection, new ServerItem.NameTaken(name));
            events.nameRefused(connection, "the name " + name + ": taken");
        } else {
            join(connection, name);
        }
    }

    private void join(Connection connection, String name) {
        send(connection, new ServerItem.Welcome(name));
        broadcast(new ServerItem.Joined(name));
        connection.becomeMember(name);
        membersByIdentity.put(NamePolicy.identity(name), connection);
        addMember(connection);
        stats.joined();
        events.joined(connection);
    }

    private void onMessage(Connection connection, String text) {
        if (text.equals(QUIT)) {
            quit(connection);
            return;
        }
        stats.messageIn();
        broadcast(new ServerItem.Chat(connection.name(), text));
    }

    private void quit(Connection connection) {
        sayGoodbye(connection, new ServerItem.QuitEcho());
        leave(connection, DisconnectReason.QUIT);
    }

    /** Removes and closes the connection; members hear that it left. Never broadcasts to a closed member. */
    private void leave(Connection connection, DisconnectReason reason) {
        if (connection.isClosed()) {
            return;
        }
        boolean wasMember = connection.isMember();
        if (wasMember) {
            removeMember(connection);
        }
        if (connection.isFinishing()) {
            flushLastWords(connection);
        }
        connection.close();
        stats.connectionClosed(reason);
        events.ended(connection, wasMember, reason);
        if (wasMember) {
            broadcast(new ServerItem.Left(connection.name()));
        }
    }

    /** Best effort: the peer may already be gone (the original GUI closes right after sending {quit}). */
    private void flushLastWords(Connection connection) {
        try {
            connection.flush(scratch);
        } catch (java.io.IOException gone) {
            events.lastItemLost(connection, gone);
        }
    }

    private void send(Connection connection, ServerItem item) {
        if (connection.isFinishing()) {
            return; // Its goodbye is queued; nothing may follow it.
        }
        Frame frame = frameFor(item, framingOf(connection));
        if (connection.enqueue(frame)) {
            stats.outboxChanged(frame.bytes.length);
            flow.queued(frame.bytes.length, 1);
        } else {
            slowConsumers.add(connection);
        }
    }

    /**
     * The frame of {@code item} for one connection. Items whose text depends only on the configuration (the
     * greeting, the refusals and goodbyes) are encoded once per framing and the frame shared: a crowd of clients
     * sending invalid names costs no encoding and no allocation per answer.
     */
    private Frame frameFor(ServerItem item, Framing framing) {
        if (!isFixed(item)) {
            return new Frame(ItemEncoder.encode(item, framing));
        }
        Map<ServerItem, Frame> fixed = framing == Framing.LEGACY ? fixedLegacyFrames : fixedLineFrames;
        return fixed.computeIfAbsent(item, constant -> new Frame(ItemEncoder.encode(constant, framing)));
    }

    /** Exhaustive on purpose: an item added to {@link ServerItem} must be placed here, or it does not compile. */
    private static boolean isFixed(ServerItem item) {
        return switch (item) {
            case ServerItem.Hello ignored -> true;
            case ServerItem.NameInvalid ignored -> true;
            case ServerItem.NameMisleading ignored -> true;
            case ServerItem.ServerFull ignored -> true;
            case ServerItem.NameTimedOut ignored -> true;
            case ServerItem.LineTooLong ignored -> true;
            case ServerItem.QuitEcho ignored -> true;
            case ServerItem.ShuttingDown ignored -> true;
            case ServerItem.Welcome ignored -> false;
            case ServerItem.Joined ignored -> false;
            case ServerItem.Chat ignored -> false;
            case ServerItem.Left ignored -> false;
            case ServerItem.NameTaken ignored -> false;
        };
    }

    /** Queues {@code item} for every member, encoding it at most once per framing. */
    private void broadcast(ServerItem item) {
        if (memberCount == 0) {
            return;
        }
        Frame legacy = legacyMembers > 0 ? new Frame(ItemEncoder.encode(item, Framing.LEGACY)) : null;
        Frame line = legacyMembers < memberCount ? new Frame(ItemEncoder.encode(item, Framing.LINE)) : null;
        int legacyDelivered = 0;
        int lineDelivered = 0;
        for (int i = 0; i < memberCount; i++) {
            Connection member = members[i];
            boolean isLegacy = member.framing() == Framing.LEGACY;
            if (!member.enqueue(isLegacy ? legacy : line)) {
                slowConsumers.add(member);
            } else if (isLegacy) {
                legacyDelivered++;
            } else {
                lineDelivered++;
            }
        }
        // Counted once per broadcast: a shared counter touched per delivery would cost more than the delivery.
        stats.delivered(legacyDelivered + lineDelivered);
        int legacyBytes = legacy == null ? 0 : legacy.bytes.length;
        int lineBytes = line == null ? 0 : line.bytes.length;
        stats.outboxChanged((long) legacyDelivered * legacyBytes + (long) lineDelivered * lineBytes);
        flow.queued(Math.max(legacyBytes, lineBytes), legacyDelivered + lineDelivered);
    }

    /** Removing a slow consumer broadcasts its leaving, which may find further slow consumers: repeat. */
    private void removeSlowConsumers() {
        Connection slow;
        while ((slow = slowConsumers.poll()) != null) {
            if (!slow.isClosed()) {
                events.slowConsumer(slow);
            }
            leave(slow, DisconnectReason.SLOW_CONSUMER);
        }
    }

    private void addMember(Connection connection) {
        if (memberCount == members.length) {
            members = Arrays.copyOf(members, memberCount * 2);
        }
        members[memberCount++] = connection;
        if (connection.framing() == Framing.LEGACY) {
            legacyMembers++;
        }
    }

    /** Order within the array is not delivery order (every member gets every item), so swap-remove is fine. */
    private void removeMember(Connection connection) {
        membersByIdentity.remove(NamePolicy.identity(connection.name()));
        for (int i = 0; i < memberCount; i++) {
            if (members[i] == connection) {
                members[i] = members[--memberCount];
                members[memberCount] = null;
                break;
            }
        }
        if (connection.framing() == Framing.LEGACY) {
            legacyMembers--;
        }
    }

    private static Framing framingOf(Connection connection) {
        return connection.framing() == null ? Framing.LEGACY : connection.framing();
    }
}
