package io.loadbench.report.text;

import java.util.List;

/** Renders a document as GitHub-flavoured Markdown (pipe tables, numeric columns right-aligned). */
public final class MarkdownRenderer implements DocumentRenderer {

    public static final MarkdownRenderer INSTANCE = new MarkdownRenderer();

    private MarkdownRenderer() {
    }

    @Override
    public String render(Document document) {
        StringBuilder out = new StringBuilder();
        for (Document.Block block : document.blocks()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (block instanceof Document.Heading heading) {
                out.append("#".repeat(heading.level())).append(' ').append(escape(heading.text())).append('\n');
            } else if (block instanceof Document.Paragraph paragraph) {
                out.append(escape(paragraph.text())).append('\n');
            } else if (block instanceof Table table) {
                List<String> headers = table.headers();
                row(headers, out);
                StringBuilder rule = new StringBuilder("|");
                for (int c = 0; c < headers.size(); c++) {
                    rule.append(table.rightAligned(c) ? " ---: |" : " --- |");
                }
                out.append(rule).append('\n');
                for (List<String> row : table.rows()) {
                    row(row, out);
                }
            }
        }
        return out.toString();
    }

    private static void row(List<String> cells, StringBuilder out) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell).replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }

    private static String escape(String text) {
        // the characters that would turn report text into Markdown markup
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
    }
}
