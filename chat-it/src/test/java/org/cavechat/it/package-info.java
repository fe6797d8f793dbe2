/**
 * Integration tests: the daemon's container image, built from this repository with no registry, run by
 * Testcontainers and checked over its mapped port the way real clients use it: the original clients' raw
 * bytes, line clients, thousands of connections, bad input, shutdown, the bots' conformance suite and a swarm.
 * {@link org.cavechat.it.CaveChatContainer} is the daemon; {@link org.cavechat.it.Peer} and
 * {@link org.cavechat.it.Crowd} are clients; every test class is annotated {@link org.cavechat.it.DaemonInDocker}.
 */
package org.cavechat.it;
