package org.cavechat.bench.report;

import java.util.List;

/** Renders a {@link Report} as Markdown; charts appear as their tables (the pictures are in the HTML). */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(Report report) {
        StringBuilder md = new StringBuilder();
        boolean first = true;
        for (Block block : report.blocks()) {
            switch (block) {
                case Block.Heading h -> md.append(first ? "# " : "\n## ").append(h.text()).append("\n\n");
                case Block.Paragraph p -> md.append(p.text()).append("\n\n");
                case Block.TableBlock t -> table(md, t.table());
                case Block.ChartBlock c -> chart(md, c.chart());
            }
            first = false;
        }
        return md.toString();
    }

    private static void chart(StringBuilder md, Chart chart) {
        if (chart.isEmpty()) {
            md.append("_").append(chart.title()).append(": not in this run._\n\n");
            return;
        }
        md.append("Chart: ").append(chart.title()).append(" (in report.html).\n\n");
        table(md, Table.of(chart));
    }

    private static void table(StringBuilder md, Table table) {
        md.append("| ").append(String.join(" | ", table.headers().stream().map(MarkdownReport::cell).toList()))
                .append(" |\n|");
        md.append("---|".repeat(table.headers().size())).append('\n');
        for (List<String> row : table.rows()) {
            md.append("| ").append(String.join(" | ", row.stream().map(MarkdownReport::cell).toList()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
