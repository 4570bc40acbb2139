package io.loadbench.report.text;

import java.util.List;

/** Renders a document for a terminal: underlined headings and space-aligned columns. */
public final class TextRenderer implements DocumentRenderer {

    public static final TextRenderer INSTANCE = new TextRenderer();

    private TextRenderer() {
    }

    @Override
    public String render(Document document) {
        StringBuilder out = new StringBuilder();
        for (Document.Block block : document.blocks()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (block instanceof Document.Heading heading) {
                out.append(heading.text()).append('\n');
                if (heading.level() <= 2) {
                    out.append((heading.level() == 1 ? "=" : "-").repeat(heading.text().length())).append('\n');
                }
            } else if (block instanceof Document.Paragraph paragraph) {
                out.append(paragraph.text()).append('\n');
            } else if (block instanceof Table table) {
                table(table, out);
            }
        }
        return out.toString();
    }

    private static void table(Table table, StringBuilder out) {
        List<String> headers = table.headers();
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
        }
        for (List<String> row : table.rows()) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        line(headers, widths, table, out);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        for (List<String> row : table.rows()) {
            line(row, widths, table, out);
        }
    }

    private static void line(List<String> cells, int[] widths, Table table, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(table.rightAligned(c) ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
