package org.cavechat.bench.report;

/**
 * What a report is made of, independent of its rendering: the Markdown and the HTML report render
 * the same blocks, so the two never disagree.
 */
sealed interface Block {
    record Heading(String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record TableBlock(Table table) implements Block {
    }

    /** A chart; the Markdown rendering shows its table instead of the picture. */
    record ChartBlock(Chart chart) implements Block {
    }
}
