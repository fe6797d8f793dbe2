/**
 * The benchmark reports: {@link org.cavechat.bench.report.BenchReport} runs the suite
 * ({@code run --quick}), renders a saved run ({@code render}) and compares two runs ({@code compare}).
 * It reads JMH's JSON results, takes the figures people read out of them (deliveries per second,
 * latency and allocation per delivery against the room size, CaveChat against the baseline, the bars
 * the benchmarks are held to) and writes them as Markdown and as one self-contained HTML page with inline SVG charts.
 */
package org.cavechat.bench.report;
