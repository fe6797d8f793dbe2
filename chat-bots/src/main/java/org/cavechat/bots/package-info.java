/**
 * The CaveChat client library and the {@code chat-bots} command line.
 *
 * <p>The public seam is small: {@link org.cavechat.bots.ChatClient} connects, joins and sends;
 * {@link org.cavechat.bots.ChatEvent} is what it receives; {@link org.cavechat.bots.EventDecoder}
 * turns the bytes of either framing into events for callers that drive their own sockets (the swarm,
 * the integration tests and the benchmarks). {@link org.cavechat.bots.ServerText} (the server's exact
 * texts) and {@link org.cavechat.bots.Framing} (legacy or line) are the clients' one model of the
 * protocol: the swarm and the benchmarks read them here instead of keeping their own. Everything else here (the script format, its runner and
 * the {@code run} and {@code conform} commands) is package-private and used through
 * {@link org.cavechat.bots.Main}.
 */
package org.cavechat.bots;
