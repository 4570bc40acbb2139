package io.loadbench.scenarios.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.run.BoundedRunSimulation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page of a real (tiny) run, open in a headless Chromium during the run: its three charts are drawn, keep
 * updating from {@code /live.json} while the run goes on, and the page shows the run's verdict when it ends (the
 * endpoint waits for the page to fetch it). The page is asked through the DevTools protocol, so it is watched over
 * time, not read once. Skipped without a Chromium (set {@code LOADBENCH_CHROMIUM} to use another binary).
 */
class LivePageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the page's script marked on the body and the canvases (nothing while the page is still loading). */
    private static final String PAGE_STATE = "(function () { if (!document.getElementById('status')) {"
            + " return JSON.stringify({loaded: false, charts: [], verdict: null}); }"
            + " return JSON.stringify({loaded: true, state: document.body.getAttribute('data-state'),"
            + " verdict: document.body.getAttribute('data-verdict'), title: document.getElementById('title').textContent,"
            + " status: document.getElementById('status').textContent, lastError: document.body.getAttribute('data-last-error'),"
            + " planRows: document.querySelectorAll('#plan tbody tr').length,"
            + " charts: Array.from(document.querySelectorAll('canvas')).map(function (c) { return {id: c.id,"
            + " points: Number(c.getAttribute('data-points')), updates: Number(c.getAttribute('data-updates')),"
            + " painted: Number(c.getAttribute('data-painted-pixels') || 0)}; })}); })()";

    @TempDir
    Path results;

    @TempDir
    Path browserDir;

    @Test
    @Timeout(300)
    void theLivePageDrawsItsChartsKeepsUpdatingThemDuringTheRunAndShowsTheVerdictAtTheEnd() throws Exception {
        Optional<String> chromium = HeadlessChromium.binary();
        assumeTrue(chromium.isPresent(), "no chromium binary on PATH: the browser test of the live page is skipped");
        int port = LiveEndpointTest.freePort();
        CompletableFuture<GatlingLauncher.Result> run = CompletableFuture.supplyAsync(() -> GatlingLauncher.run(
                BoundedRunSimulation.class, results, Map.of("pgUrl", TestDatastores.embedded().postgres().jdbcUrlWithCredentials(),
                        "mode", "select", "rate", "10", "duration", "12s", "loadbench.metricsPort", String.valueOf(port))));
        URI page = URI.create("http://127.0.0.1:" + port + "/");
        awaitPage(page, run);

        try (HeadlessChromium browser = HeadlessChromium.open(chromium.get(), browserDir, page)) {
            JsonNode drawn = await(browser, run, "every chart drawn with two points", state -> allCharts(state,
                    chart -> chart.path("points").asInt() >= 2 && chart.path("painted").asLong() > 5_000));
            assertThat(drawn.path("title").asText()).isEqualTo("bounded-run (smoke)");
            assertThat(drawn.path("planRows").asInt()).as("plan rows: mode, duration, simulation, preset").isGreaterThanOrEqualTo(4);
            assertThat(drawn.path("charts")).extracting(chart -> chart.path("id").asText())
                    .containsExactly("chart-rate", "chart-latency", "chart-failures");

            JsonNode later = await(browser, run, "every chart updated with more points", state -> {
                for (int i = 0; i < 3; i++) {
                    JsonNode before = drawn.path("charts").get(i);
                    JsonNode now = state.path("charts").get(i);
                    if (now.path("updates").asInt() <= before.path("updates").asInt()
                            || now.path("points").asInt() <= before.path("points").asInt()) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(later.path("state").asText()).isIn("running", "finished");

            JsonNode ended = awaitUntilEnd(browser, state -> !state.path("verdict").isNull());
            assertThat(ended.path("verdict").asText()).as("the verdict the page shows").isIn("OK", "NOISY");
            assertThat(ended.path("state").asText()).isEqualTo("finished");
        }
        assertThat(run.get(60, TimeUnit.SECONDS).exitCode()).isZero();
    }

    private static boolean allCharts(JsonNode state, Predicate<JsonNode> test) {
        JsonNode charts = state.path("charts");
        if (charts.size() != 3) {
            return false;
        }
        for (JsonNode chart : charts) {
            if (!test.test(chart)) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the run serves its page (it binds when the simulation starts). */
    private static void awaitPage(URI page, CompletableFuture<GatlingLauncher.Result> run) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !run.isDone()) {
            try {
                if (client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the simulation is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the live page was never served" + (run.isDone() ? ": the run ended first" : ""));
    }

    /** Polls the page until {@code reached}, while the run lasts. */
    private static JsonNode await(HeadlessChromium browser, CompletableFuture<GatlingLauncher.Result> run, String what,
                                  Predicate<JsonNode> reached) throws Exception {
        JsonNode state = JSON.nullNode();
        while (!run.isDone()) {
            state = JSON.readTree(browser.evaluate(PAGE_STATE).asText());
            if (reached.test(state)) {
                return state;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the run ended before the page had " + what + "; last seen " + state);
    }

    /** Polls the page until {@code reached}, for at most a minute (the run may have ended). */
    private static JsonNode awaitUntilEnd(HeadlessChromium browser, Predicate<JsonNode> reached) throws Exception {
        JsonNode state = JSON.nullNode();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            state = JSON.readTree(browser.evaluate(PAGE_STATE).asText());
            if (reached.test(state)) {
                return state;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the page never showed the verdict; last seen " + state);
    }
}
