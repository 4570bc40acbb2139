package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.report.compare.Comparison;
import io.loadbench.report.html.ChartSpecs;
import io.loadbench.report.html.HtmlReport;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks the terminal, Markdown and HTML outputs of summarize and compare. The tests run under a Turkish
 * locale and the Pacific/Chatham zone (surefire argLine), so a locale- or zone-dependent format fails here.
 */
class GoldenOutputTest {

    @TempDir
    static Path results;

    static Path cacheA;
    static Path cacheB;
    static Path loadA;
    static Path loadB;
    static Path jmhA;
    static Path jmhB;

    @BeforeAll
    static void writeRuns() {
        cacheA = Fixtures.gatlingRun(results.resolve("20261122T060000Z-db-bench-01-gatling-cachequeries"), Fixtures.BENCH_01,
                Plans.cache(2000), 1, 1.0, 2000);
        cacheB = Fixtures.gatlingRun(results.resolve("20261122T060000Z-db-bench-02-gatling-cachequeries"), Fixtures.BENCH_02,
                Plans.cache(2000), 2, 1.6, 2000);
        loadA = Fixtures.loadRun(results.resolve("20261122T060000Z-db-bench-01-load-analytics"), Fixtures.BENCH_01, Plans.load(), 1.0);
        loadB = Fixtures.loadRun(results.resolve("20261122T060000Z-db-bench-02-load-analytics"), Fixtures.BENCH_02, Plans.load(), 2.4);
        jmhA = Fixtures.jmhRun(results.resolve("20261122T060000Z-db-bench-01-jmh"), Fixtures.BENCH_01, Plans.jmh(), 1.0, 11);
        jmhB = Fixtures.jmhRun(results.resolve("20261122T060000Z-db-bench-02-jmh"), Fixtures.BENCH_02, Plans.jmh(), 1.3, 12);
    }

    @Test
    void summarizeOfASimulationShowsThroughputPercentilesAndHitRatios() {
        Cli text = Cli.run("summarize", cacheA.toString());
        assertThat(text.exitCode()).isZero();
        Golden.assertMatches("summarize-gatling.txt", text.out());
        Golden.assertMatches("summarize-gatling.md", Cli.run("summarize", "--markdown", cacheA.toString()).out());
    }

    @Test
    void summarizeOfALoadShowsRatesPerTable() {
        Golden.assertMatches("summarize-load.txt", Cli.run("summarize", loadA.toString()).out());
    }

    @Test
    void summarizeOfAJmhRunShowsScoresWithErrors() {
        Cli text = Cli.run("summarize", jmhA.toString());
        assertThat(text.out()).contains("CopyBenchmark.copyBinary", "batchSize=1000", "ops/s", "±");
        Golden.assertMatches("summarize-jmh.txt", text.out());
        Golden.assertMatches("summarize-jmh.md", Cli.run("summarize", "--markdown", jmhA.toString()).out());
    }

    @Test
    void compareOfTwoSimulationsShowsEnvironmentFirstThenRatios() {
        Cli text = Cli.run("compare", cacheA.toString(), cacheB.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out().indexOf("Environment differences")).isLessThan(text.out().indexOf("Latency"));
        Golden.assertMatches("compare-gatling.txt", text.out());
        Golden.assertMatches("compare-gatling.md", Cli.run("compare", "--markdown", cacheA.toString(), cacheB.toString()).out());
    }

    @Test
    void compareOfTwoLoads() {
        Golden.assertMatches("compare-load.txt", Cli.run("compare", loadA.toString(), loadB.toString()).out());
    }

    @Test
    void compareOfTwoJmhRunsFlagsOnlyDifferencesBeyondTheError() {
        Cli text = Cli.run("compare", jmhA.toString(), jmhB.toString());
        Golden.assertMatches("compare-jmh.txt", text.out());
        Golden.assertMatches("compare-jmh.md", Cli.run("compare", "--markdown", jmhA.toString(), jmhB.toString()).out());
    }

    @Test
    void compareOfThreeRunsGivesEveryRunItsRatioToTheFirst() {
        Path loadC = Fixtures.loadRun(results.resolve("20261122T060000Z-db-bench-03-load-analytics"), Fixtures.BENCH_02,
                Plans.load(), 0.5);
        Cli cli = Cli.run("compare", loadA.toString(), loadB.toString(), loadC.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("C    20261122T060000Z-db-bench-03-load-analytics")
                .containsPattern("table +A +B +B/A +C +C/A")
                .containsPattern("events +260,010 +623,830 +2\\.40x +130,005 +0\\.50x");
    }

    @Test
    void htmlPageStructure() {
        // the chart library is replaced by a stand-in: the page around it is what this golden file locks
        List<SavedRun> runs = List.of(RunReader.read(cacheA), RunReader.read(cacheB));
        String page = HtmlReport.render(Comparison.of(runs, List.of()), ChartSpecs.of(runs), "/* Chart.js stand-in */");
        Golden.assertMatches("compare-gatling.html", page);
        List<SavedRun> jmh = List.of(RunReader.read(jmhA), RunReader.read(jmhB));
        Golden.assertMatches("compare-jmh.html",
                HtmlReport.render(Comparison.of(jmh, List.of()), ChartSpecs.of(jmh), "/* Chart.js stand-in */"));
    }
}
