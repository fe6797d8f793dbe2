/**
 * The load half of the bot harness: the {@code swarm} and {@code simulate} commands, and {@code compare},
 * which reads two runs' {@code summary.json} back ({@code RunFigures}) and judges B against A
 * ({@code RunComparison}).
 *
 * <p>A {@code Swarm} drives thousands of bots from one process with a few
 * non-blocking selector threads ({@code BotLoop}), each bot a plain object with its socket. Talkers send
 * on an open-loop schedule; every message carries its sender, sequence number and intended send time
 * ({@code Payload}), so every receiving bot can check delivery ({@code DeliveryLedger}) and latency is
 * measured from when a message was meant to leave, not when it finally did (coordinated omission).
 * The figures ({@code SwarmSummary}) become a text summary, {@code summary.json}, an HdrHistogram
 * interval log, {@code series.csv} and a self-contained {@code report.html}. The only public classes are the commands,
 * which the root command {@code org.cavechat.bots.Main} lists; other modules run a swarm through them.
 */
package org.cavechat.bots.swarm;
