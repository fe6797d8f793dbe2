package org.cavechat.daemon;

/**
 * Renders a server's {@link DaemonStats} in the Prometheus text exposition format (version 0.0.4): a HELP and
 * a TYPE line per metric family, then its samples. Counters end in {@code _total}, byte counts say
 * {@code bytes}, as Prometheus's naming conventions ask. Each value is read once, so a scrape costs a few
 * atomic reads and never touches the event loop.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    static String render(DaemonStats stats) {
        StringBuilder text = new StringBuilder(2048);
        gauge(text, "cavechat_connections_open", "Connections open now, named or not.", stats.connectionsOpen());
        counter(text, "cavechat_connections_total",
                "Connections accepted since start, including those refused because the server was full.",
                stats.connectionsTotal());
        counter(text, "cavechat_joins_total", "Names accepted since start.", stats.joins());
        family(text, "cavechat_leaves_total", "counter", "Connections ended since start, by disconnect reason.");
        for (DisconnectReason reason : DisconnectReason.values()) {
            text.append("cavechat_leaves_total{reason=\"").append(reason.name()).append("\"} ")
                    .append(stats.leaves(reason)).append('\n');
        }
        counter(text, "cavechat_slow_consumer_disconnects_total",
                "Connections dropped because their outbox exceeded the byte budget.",
                stats.leaves(DisconnectReason.SLOW_CONSUMER));
        counter(text, "cavechat_messages_in_total", "Chat messages received from members.", stats.messagesIn());
        counter(text, "cavechat_deliveries_out_total", "Broadcast items queued to members, one per recipient.",
                stats.deliveriesOut());
        counter(text, "cavechat_received_bytes_total", "Bytes read from all connections.", stats.bytesIn());
        counter(text, "cavechat_sent_bytes_total", "Bytes written to all connections.", stats.bytesOut());
        gauge(text, "cavechat_outbox_pending_bytes", "Bytes queued in outboxes and not yet written.",
                stats.outboxBytesPending());
        return text.toString();
    }

    private static void counter(StringBuilder text, String name, String help, long value) {
        family(text, name, "counter", help);
        text.append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder text, String name, String help, long value) {
        family(text, name, "gauge", help);
        text.append(name).append(' ').append(value).append('\n');
    }

    private static void family(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
