package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.report.html.HtmlReport;
import io.loadbench.report.read.JsonFiles;
import io.loadbench.report.text.Document;
import io.loadbench.report.text.DocumentRenderer;
import io.loadbench.report.text.MarkdownRenderer;
import io.loadbench.report.text.Numbers;
import io.loadbench.report.text.Table;
import io.loadbench.report.text.TextRenderer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The obligations of {@link DocumentRenderer}, checked for every format. */
class DocumentRendererContractTest {

    static Stream<DocumentRenderer> renderers() {
        return Stream.of(TextRenderer.INSTANCE, MarkdownRenderer.INSTANCE,
                new HtmlReport(JsonFiles.MAPPER.createObjectNode(), "/* library */"));
    }

    // the numbers are formatted when the document is built, so the locale must be switched around that too
    private static Document document() {
        return new Document()
                .heading(1, "Comparison of 2 runs")
                .paragraph("PLAN MISMATCH: rate (A=2000, B=5000)")
                .heading(2, "Latency (ms)")
                .table(new Table().text("percentile").number("A").number("B").number("B/A")
                        .row("p99.9", Numbers.millisFromMicros(1_234_567), Numbers.millisFromMicros(987), "0.00x")
                        .row("max", null, "2,000", "-"));
    }

    @ParameterizedTest
    @MethodSource("renderers")
    void everyBlockAppearsInDocumentOrder(DocumentRenderer renderer) {
        String out = renderer.render(document());
        List<String> inOrder = List.of("Comparison of 2 runs", "PLAN MISMATCH: rate (A=2000, B=5000)", "Latency (ms)",
                "percentile", "p99.9", "1,234.567", "0.987", "0.00x", "max", "2,000");
        int from = 0;
        for (String text : inOrder) {
            int at = out.indexOf(text, from);
            assertThat(at).as("'%s' after position %d in:%n%s", text, from, out).isGreaterThanOrEqualTo(0);
            from = at + text.length();
        }
        assertThat(out).endsWith("\n");
    }

    @ParameterizedTest
    @MethodSource("renderers")
    void outputDoesNotDependOnTheDefaultLocale(DocumentRenderer renderer) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            String german = renderer.render(document());
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            String turkish = renderer.render(document());
            Locale.setDefault(Locale.US);
            assertThat(renderer.render(document())).isEqualTo(german).isEqualTo(turkish);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
