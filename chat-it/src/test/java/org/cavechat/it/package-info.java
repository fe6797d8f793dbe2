/**
 * Integration tests: the daemon's container image, built from this repository with no registry, run by
 * Testcontainers and checked over its mapped port the way real clients use it: the original clients' raw
 * bytes, line clients, thousands of connections, bad input, shutdown, the bots' conformance suite and a swarm.
 * {@link org.cavechat.it.CaveChatContainer} is the daemon; {@link org.cavechat.it.Peer} and
 * {@link org.cavechat.it.Crowd} are clients; every test class is annotated {@link org.cavechat.it.DaemonInDocker}.
 * The {@code Systemd*IT} tests run the daemon as an operator does instead: installed from its distribution archive
 * by INSTALL.md's commands on a Debian machine booted with systemd as PID 1 ({@link org.cavechat.it.SystemdContainer},
 * {@link org.cavechat.it.InstalledService}).
 */
package org.cavechat.it;
