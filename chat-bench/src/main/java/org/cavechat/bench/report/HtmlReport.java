package org.cavechat.bench.report;

import java.util.List;

/**
 * Renders a {@link Report} as one self-contained HTML page: inline CSS and inline SVG charts, no
 * script and no external resource, so that it reads the same from a file, a CI artifact or a mail.
 */
final class HtmlReport {
    private static final String STYLE = """
            body { font-family: sans-serif; max-width: 980px; margin: 2em auto; color: #222; line-height: 1.4; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 13px; }
            th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            caption { text-align: left; font-weight: bold; padding: 4px 0; }
            code { background: #f4f4f4; padding: 1px 4px; }
            .REACHED { background: #dff3df; } .MISSED { background: #f8dcdc; } .UNCERTAIN { background: #fbf0c8; }
            .REGRESSION { background: #f8dcdc; } .IMPROVEMENT { background: #dff3df; }
            """;

    private HtmlReport() {
    }

    static String render(Report report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>CaveChat benchmark report</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n");
        boolean first = true;
        for (Block block : report.blocks()) {
            switch (block) {
                case Block.Heading h -> html.append(first ? "<h1>" : "<h2>").append(Html.escape(h.text()))
                        .append(first ? "</h1>\n" : "</h2>\n");
                case Block.Paragraph p -> html.append("<p>").append(code(Html.escape(p.text()))).append("</p>\n");
                case Block.TableBlock t -> table(html, t.table());
                case Block.ChartBlock c -> chart(html, c.chart());
            }
            first = false;
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void chart(StringBuilder html, Chart chart) {
        if (chart.isEmpty()) {
            html.append("<p><em>").append(Html.escape(chart.title())).append(": not in this run.</em></p>\n");
            return;
        }
        html.append("<figure>\n").append(SvgChart.render(chart)).append("</figure>\n");
        table(html, Table.of(chart));
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table>\n<caption>").append(Html.escape(table.title())).append("</caption>\n<tr>");
        for (String header : table.headers()) {
            html.append("<th>").append(Html.escape(header)).append("</th>");
        }
        html.append("</tr>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                String marker = cell.split(" ")[0];
                html.append(isStatus(marker) ? "<td class=\"" + marker + "\">" : "<td>")
                        .append(Html.escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static boolean isStatus(String word) {
        return List.of("REACHED", "UNCERTAIN", "MISSED", "REGRESSION", "IMPROVEMENT").contains(word);
    }

    /** Markdown's inline code spans, in the paragraphs that use them, as HTML code elements. */
    private static String code(String escaped) {
        return escaped.replaceAll("`([^`]*)`", "<code>$1</code>");
    }
}
