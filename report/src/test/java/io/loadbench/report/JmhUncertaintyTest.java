package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.html.ChartSpecs;
import io.loadbench.report.read.JmhBenchmark;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import io.loadbench.report.summarize.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH scores carry their uncertainty into the report: tables mark a score whose 99.9% error exceeds 20% of it, and
 * the chart data gives every score its error, which the page draws as an error bar (HeadlessChromiumTest).
 */
class JmhUncertaintyTest {

    @TempDir
    static Path results;

    static Path tight;
    static Path wide;

    @BeforeAll
    static void writeRuns() {
        tight = Fixtures.jmhRun(results.resolve("20261122T060000Z-db-bench-01-jmh"), Fixtures.BENCH_01, Plans.jmh(), 1.0, 11);
        // iterations spread over 80% of the score: errors of a third of it
        wide = Fixtures.jmhRun(results.resolve("20261122T060000Z-db-bench-02-jmh"), Fixtures.BENCH_02, Plans.jmh(), 1.3, 12, 0.8);
    }

    @Test
    void theFixturesErrorsAreWhatTheTestsClaim() {
        for (JmhBenchmark benchmark : RunReader.read(tight).jmh()) {
            assertThat(benchmark.primary().hasWideError()).as(benchmark.key()).isFalse();
        }
        for (JmhBenchmark benchmark : RunReader.read(wide).jmh()) {
            assertThat(benchmark.primary().scoreError()).as(benchmark.key()).isGreaterThan(0.2 * benchmark.primary().score());
            assertThat(benchmark.primary().hasWideError()).isTrue();
        }
    }

    @Test
    void compareMarksEveryScoreWhoseErrorExceedsAFifthOfIt() {
        Cli text = Cli.run("compare", tight.toString(), wide.toString());

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains(Summary.WIDE_ERROR_NOTE);
        List<String> jmhRows = text.out().lines().filter(line -> line.startsWith("CopyBenchmark") || line.startsWith("RedisBenchmark"))
                .toList();
        assertThat(jmhRows).hasSize(7).allSatisfy(row -> assertThat(row).containsPattern("± [0-9.,]+ +[0-9.,]+ ± [0-9.,]+ ! "));
        assertThat(Cli.run("compare", "--markdown", tight.toString(), wide.toString()).out())
                .contains(Summary.WIDE_ERROR_NOTE).containsPattern("\\| [0-9.,]+ ± [0-9.,]+ ! \\|");
    }

    @Test
    void scoresWithNarrowErrorsAreNotMarked() {
        Cli text = Cli.run("compare", tight.toString(), tight.toString());

        assertThat(text.out()).doesNotContain(Summary.WIDE_ERROR_NOTE).doesNotContain(" ! ");
    }

    @Test
    void summarizeMarksTheWideScoresToo() {
        Cli text = Cli.run("summarize", wide.toString());

        assertThat(text.out()).contains(Summary.WIDE_ERROR_NOTE).containsPattern("CopyBenchmark.copyBinary +batchSize=100 .*± [0-9.,]+ !");
    }

    @Test
    void everyJmhScoreOfTheChartsCarriesItsError() {
        List<SavedRun> runs = List.of(RunReader.read(tight), RunReader.read(wide));
        ObjectNode charts = ChartSpecs.of(runs);

        List<String> kinds = new ArrayList<>();
        for (JsonNode chart : charts.path("charts")) {
            kinds.add(chart.path("kind").asText());
            for (JsonNode series : chart.path("series")) {
                SavedRun run = runs.get(series.path("run").asInt());
                if (chart.path("kind").asText().equals("bars")) {
                    // the one non-swept benchmark: RedisBenchmark.get
                    JmhBenchmark.Metric get = run.jmh().stream().filter(b -> b.shortName().equals("RedisBenchmark.get"))
                            .findFirst().orElseThrow().primary();
                    assertThat(series.path("errors").get(0).asDouble()).isCloseTo(get.scoreError(), withPercentage(0.01));
                } else {
                    assertThat(series.path("points")).hasSize(3).allSatisfy(point ->
                            assertThat(point.path("error").asDouble()).isPositive());
                }
            }
        }
        assertThat(kinds).containsExactly("bars", "batch", "batch");
    }
}
