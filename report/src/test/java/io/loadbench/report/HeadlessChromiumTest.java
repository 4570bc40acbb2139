package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the page {@code compare --html} writes in a real headless Chromium, offline, and checks in the
 * DOM it dumps that every chart was drawn: the page script marks each canvas with its drawn size and the
 * number of painted pixels only after Chart.js returned. Skipped when no Chromium is installed (set
 * {@code LOADBENCH_CHROMIUM} to a binary to use another one).
 */
class HeadlessChromiumTest {

    // generous: on a loaded 2-core machine a headless Chromium start alone can take tens of seconds
    private static final long BROWSER_TIMEOUT_S = 180;

    @TempDir
    Path dir;

    @Test
    void comparePageRendersEveryChartOffline() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium binary on PATH: the browser rendering test is skipped");
        Path a = Fixtures.gatlingRun(dir.resolve("20261122T060000Z-db-bench-01-gatling-cachequeries"), Fixtures.BENCH_01,
                Plans.cache(2000), 1, 1.0, 1000);
        Path b = Fixtures.gatlingRun(dir.resolve("20261122T060000Z-db-bench-02-gatling-cachequeries"), Fixtures.BENCH_02,
                Plans.cache(2000), 2, 1.6, 1000);
        Path page = dir.resolve("compare.html");
        Cli cli = Cli.run("compare", "--html", page.toString(), a.toString(), b.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();

        assertRendersEveryChart(chromium, page, 3);

        Path screenshot = dir.resolve("compare.png");
        runChromium(chromium, "--screenshot=" + screenshot, page);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        String keep = System.getProperty("loadbench.screenshot");
        if (keep != null) {
            Files.copy(screenshot, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void jmhComparePageDrawsAnErrorBarForEveryScore() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium binary on PATH: the browser rendering test is skipped");
        Path a = Fixtures.jmhRun(dir.resolve("20261122T060000Z-db-bench-01-jmh"), Fixtures.BENCH_01, Plans.jmh(), 1.0, 11);
        Path b = Fixtures.jmhRun(dir.resolve("20261122T060000Z-db-bench-02-jmh"), Fixtures.BENCH_02, Plans.jmh(), 1.3, 12, 0.8);
        Path page = dir.resolve("compare-jmh.html");
        Cli cli = Cli.run("compare", "--html", page.toString(), a.toString(), b.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();

        // one bar chart (RedisBenchmark.get, two runs) and two batch-size curves (copyBinary and its rows, 3 points a run)
        String dom = assertRendersEveryChart(chromium, page, 3);
        Matcher canvas = Pattern.compile("<canvas id=\"(chart-\\d+)\"[^>]*data-error-bars=\"(\\d+)\"").matcher(dom);
        List<Integer> errorBars = new ArrayList<>();
        while (canvas.find()) {
            errorBars.add(Integer.parseInt(canvas.group(2)));
        }
        assertThat(errorBars).as("error bars drawn per chart").containsExactly(2, 6, 6);
    }

    @Test
    void referenceJdk17AndJdk25RunsRenderTheirBatchSizeCurve() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium binary on PATH: the browser rendering test is skipped");
        Path reference = Path.of("../results/reference");
        Path page = dir.resolve("reference-jmh.html");
        Cli cli = Cli.run("compare", "--html", page.toString(), reference.resolve(ReferenceRunTest.JMH_JDK17).toString(),
                reference.resolve(ReferenceRunTest.JMH_JDK25).toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // one sweep over commandsPerPipeline, nothing else to chart
        assertRendersEveryChart(chromium, page, 1);
    }

    /** @return the DOM Chromium dumped */
    private String assertRendersEveryChart(String chromium, Path page, int expectedCharts) throws Exception {
        String html = Files.readString(page);
        assertThat(html).contains("Chart.js v4").doesNotContain("<script src", "<link ", "sourceMappingURL");

        String dom = runChromium(chromium, "--dump-dom", page);
        Matcher expected = Pattern.compile("data-charts=\"(\\d+)\"").matcher(dom);
        assertThat(expected.find()).as("chart container in the dumped DOM").isTrue();
        int charts = Integer.parseInt(expected.group(1));
        assertThat(charts).isEqualTo(expectedCharts);
        assertThat(dom).contains("data-charts-rendered=\"" + charts + "\"").doesNotContainPattern("<canvas[^>]*data-error=");
        Matcher canvas = Pattern.compile("<canvas id=\"(chart-\\d+)\"[^>]*data-rendered=\"(\\d+)x(\\d+)\" "
                + "data-painted-pixels=\"(\\d+)\"").matcher(dom);
        int drawn = 0;
        while (canvas.find()) {
            drawn++;
            assertThat(Integer.parseInt(canvas.group(2))).as(canvas.group(1) + " width").isEqualTo(900);
            assertThat(Integer.parseInt(canvas.group(3))).as(canvas.group(1) + " height").isEqualTo(420);
            // axes, labels and lines paint thousands of pixels; an empty canvas paints none
            assertThat(Long.parseLong(canvas.group(4))).as(canvas.group(1) + " painted pixels").isGreaterThan(5_000);
        }
        assertThat(drawn).isEqualTo(charts);
        return dom;
    }

    private String runChromium(String chromium, String mode, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1000,2400", "--user-data-dir=" + profile, mode,
                page.toUri().toString()));
        Path stdout = dir.resolve("chromium.out");
        Path stderr = dir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(BROWSER_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + BROWSER_TIMEOUT_S + " s: " + Files.readString(stderr));
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String chromium() {
        String configured = System.getenv("LOADBENCH_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = System.getenv("PATH");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String entry : (path == null ? "" : path).split(File.pathSeparator)) {
                File candidate = new File(entry, name);
                if (candidate.isFile() && candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        return null;
    }
}
