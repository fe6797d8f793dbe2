package org.cavechat.daemon;

/** Why a connection ended. Each ending has exactly one reason; it is logged once and counted. */
public enum DisconnectReason {
    /** The member sent {@code {quit}}. */
    QUIT,
    /** End of stream (close or half-close) without {@code {quit}}. */
    CLOSED,
    /** A read failed, typically a TCP reset. */
    RESET,
    /** A write to the connection failed. */
    WRITE_FAILED,
    /** The outbox exceeded its byte budget: the peer stopped reading. */
    SLOW_CONSUMER,
    /**
     * The outboxes together held more than the memory budget, and this connection held the most of it: the one
     * furthest behind is dropped first.
     */
    MEMORY_BUDGET,
    /** No acceptable name arrived within the name timeout. */
    NAME_TIMEOUT,
    /** The connection limit was reached when it arrived. */
    SERVER_FULL,
    /** The server stopped. */
    SHUTDOWN,
    /** A defect in the server while handling this connection; the server itself carries on. */
    SERVER_ERROR
}
