package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.report.compare.Comparison;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs recorded on a noisy machine: summarize shows the noise, and compare flags a comparison in which either side
 * is noisy, in text, Markdown and HTML. The runs are fixtures (schema version 2 manifests), not this machine.
 */
class NoisyComparisonTest {

    @TempDir
    static Path results;

    static Path quiet;
    static Path alsoQuiet;
    static Path noisy;

    @BeforeAll
    static void writeRuns() {
        quiet = Fixtures.loadRun(results.resolve("20261122T060000Z-db-bench-01-load-analytics"), Fixtures.BENCH_01, Plans.load(),
                1.0, Fixtures.withNoise(load(Fixtures.BENCH_01), 0.4, 3.2, 0.9));
        alsoQuiet = Fixtures.loadRun(results.resolve("20261122T060000Z-db-bench-02-load-analytics"), Fixtures.BENCH_02,
                Plans.load(), 2.4, Fixtures.withNoise(load(Fixtures.BENCH_02), 1.1, 4.0, 1.5));
        noisy = Fixtures.loadRun(results.resolve("20261122T070000Z-db-bench-02-load-analytics"), Fixtures.BENCH_02, Plans.load(),
                1.9, Fixtures.withNoise(load(Fixtures.BENCH_02), 0.6, 97.0, 3.1));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode load(Fixtures.Machine machine) {
        return Fixtures.manifest("load", "load-analytics", machine, Plans.load(), 0, 40, "OK", null);
    }

    @Test
    void compareOfANoisyRunAndAQuietRunFlagsTheComparison() {
        Cli text = Cli.run("compare", quiet.toString(), noisy.toString());

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains(Comparison.NOISY_COMPARISON + ": run B (foreign CPU mean 97.0% of a core > 10.0%) ran on a"
                + " noisy machine");
        assertThat(text.out().indexOf(Comparison.NOISY_COMPARISON)).as("flagged before the figures")
                .isLessThan(text.out().indexOf("Load rates"));
        assertThat(text.out()).contains("steal 0.4%, foreign 3.2% of a core, load 0.9")
                .contains("steal 0.6%, foreign 97.0% of a core, load 3.1 (NOISY)")
                .containsPattern("B +20261122T070000Z-db-bench-02-load-analytics .*NOISY");
    }

    @Test
    void theFlagDoesNotDependOnWhichSideIsNoisy() {
        assertThat(Cli.run("compare", noisy.toString(), quiet.toString()).out())
                .contains(Comparison.NOISY_COMPARISON + ": run A (foreign CPU mean 97.0% of a core > 10.0%)");
    }

    @Test
    void markdownAndHtmlFlagTheComparisonToo() throws Exception {
        Cli markdown = Cli.run("compare", "--markdown", quiet.toString(), noisy.toString());
        assertThat(markdown.out()).contains(Comparison.NOISY_COMPARISON + ": run B").contains("| noise (means) |");

        Path page = results.resolve("compare.html");
        Cli html = Cli.run("compare", quiet.toString(), noisy.toString(), "--html", page.toString());
        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains(Comparison.NOISY_COMPARISON + ": run B (foreign CPU mean"
                + " 97.0% of a core &gt; 10.0%)");
    }

    @Test
    void compareOfTwoQuietRunsIsNotFlagged() {
        Cli text = Cli.run("compare", quiet.toString(), alsoQuiet.toString());

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).doesNotContain(Comparison.NOISY_COMPARISON).doesNotContain("(NOISY)");
    }

    @Test
    void summarizeShowsTheRunsNoiseAndItsStatus() {
        Cli text = Cli.run("summarize", noisy.toString());

        assertThat(text.out()).containsPattern("status +NOISY")
                .containsPattern("noise +steal 0\\.6% \\(p95 0\\.6%, max 0\\.6%\\), foreign CPU 97\\.0% of a core .* over 40 samples:"
                        + " NOISY \\(foreign CPU mean 97\\.0% of a core > 10\\.0%\\)");
    }
}
