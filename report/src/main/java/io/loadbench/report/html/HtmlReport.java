package io.loadbench.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.read.JsonFiles;
import io.loadbench.report.text.Document;
import io.loadbench.report.text.DocumentRenderer;
import io.loadbench.report.text.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders a document and its chart data as one HTML page with no external reference: styles, data, the
 * chart library and the drawing script are all inline.
 */
public final class HtmlReport implements DocumentRenderer {

    private final ObjectNode charts;
    private final String chartLibrary;

    /**
     * @param charts       what {@link ChartSpecs#of} made of the runs
     * @param chartLibrary the Chart.js source to inline ({@link ChartJs#source()})
     */
    public HtmlReport(ObjectNode charts, String chartLibrary) {
        this.charts = charts;
        this.chartLibrary = chartLibrary;
    }

    @Override
    public String render(Document document) {
        return render(document, charts, chartLibrary);
    }

    /**
     * @param chartLibrary the Chart.js source to inline ({@link ChartJs#source()}); tests of the page
     *                     structure pass a stand-in so their golden files stay small
     */
    public static String render(Document document, ObjectNode charts, String chartLibrary) {
        StringBuilder out = new StringBuilder();
        String title = document.blocks().stream().filter(b -> b instanceof Document.Heading)
                .map(b -> ((Document.Heading) b).text()).findFirst().orElse("loadbench report");
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(resource("report.css")).append("</style>\n</head>\n<body>\n");
        // the charts come right after the first section (the environment differences), before the long tables
        int sections = 0;
        boolean chartsWritten = false;
        for (Document.Block block : document.blocks()) {
            if (block instanceof Document.Heading heading) {
                if (heading.level() == 2 && ++sections == 2 && !chartsWritten) {
                    charts(charts, out);
                    chartsWritten = true;
                }
                int level = Math.min(heading.level(), 6);
                out.append("<h").append(level).append('>').append(escape(heading.text())).append("</h").append(level).append(">\n");
            } else if (block instanceof Document.Paragraph paragraph) {
                out.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof Table table) {
                table(table, out);
            }
        }
        if (!chartsWritten) {
            charts(charts, out);
        }
        out.append("<script type=\"application/json\" id=\"loadbench-charts\">\n").append(json(charts)).append("\n</script>\n");
        out.append("<script>\n").append(chartLibrary.replace("</script", "<\\/script")).append("\n</script>\n");
        out.append("<script>\n").append(resource("report.js")).append("</script>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void charts(ObjectNode charts, StringBuilder out) {
        int count = charts.path("charts").size();
        out.append("<h2>Charts</h2>\n");
        if (count == 0) {
            out.append("<p>No chart: these runs have no latency logs, load rates or JMH scores.</p>\n");
        }
        out.append("<div id=\"charts\" data-charts=\"").append(count).append("\">\n");
        charts.path("charts").forEach(chart -> out.append("<figure><canvas id=\"").append(escape(chart.path("id").asText()))
                .append("\" width=\"900\" height=\"420\"></canvas></figure>\n"));
        out.append("</div>\n");
    }

    private static void table(Table table, StringBuilder out) {
        out.append("<table>\n<thead><tr>");
        List<String> headers = table.headers();
        for (int c = 0; c < headers.size(); c++) {
            out.append(table.rightAligned(c) ? "<th class=\"num\">" : "<th>").append(escape(headers.get(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append(table.rightAligned(c) ? "<td class=\"num\">" : "<td>").append(escape(row.get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String json(ObjectNode charts) {
        try {
            // "</" would end the script element early; "<\/" is the same string to JSON
            return JsonFiles.MAPPER.writeValueAsString(charts).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data cannot be written as JSON", e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
