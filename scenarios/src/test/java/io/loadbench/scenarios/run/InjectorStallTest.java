package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.Json;
import io.loadbench.results.latency.LatencyLogReader;
import io.loadbench.scenarios.GatlingLauncher;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency is measured from the schedule: a stalled injector shows in the intended latency and the lag, never
 * hidden as a quiet moment; and arrivals, not requests, are what the rate is judged by.
 */
class InjectorStallTest {

    @TempDir
    Path results;

    @Test
    @Timeout(180)
    void aStalledInjectorShowsInTheIntendedTailAndTheLagButNotInTheServiceTime() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.run(InjectorStallSimulation.class, results, Map.of());
        assertThat(result.exitCode()).as("the smoke preset's loose maxLag lets the run pass").isZero();
        Path hdr = result.runFolder().resolve("hdr");

        Histogram intended = LatencyLogReader.sum(hdr.resolve("stall_get.intended.hlog"), "stall_get");
        Histogram service = LatencyLogReader.sum(hdr.resolve("stall_get.service.hlog"), "stall_get");
        int expected = InjectorStallSimulation.RATE * InjectorStallSimulation.SECONDS;
        assertThat(intended.getTotalCount()).isBetween(expected * 9L / 10, expected * 11L / 10);
        long stallUs = InjectorStallSimulation.STALL_MS * 1000;
        // every arrival due during the 600-ms stall waited for it: about a tenth of the run
        assertThat(intended.getValueAtPercentile(99.9)).as("intended p99.9 (us)").isGreaterThan(stallUs * 2 / 3);
        assertThat(intended.getValueAtPercentile(95)).as("intended p95 (us)").isGreaterThan(stallUs / 10);
        // Redis and the executors were never blocked
        assertThat(service.getValueAtPercentile(99.9)).as("service p99.9 (us)").isLessThan(stallUs / 6);

        JsonNode scenario = Json.mapper().readTree(result.runFolder().resolve("scenario.json").toFile());
        JsonNode lag = scenario.path("injector").path("lagUs");
        assertThat(lag.path("max").asLong()).as("lag max (us)").isGreaterThan(stallUs * 2 / 3);
        assertThat(lag.path("p999").asLong()).as("lag p99.9 (us)").isGreaterThan(stallUs / 3);
        assertThat(lag.path("count").asLong()).isEqualTo(intended.getTotalCount());
        System.out.printf(Locale.ROOT, "injector stall: intended p50/p95/p99.9/max %d/%d/%d/%d us; service p99.9 %d us;"
                        + " lag p50/p99.9/max %d/%d/%d us; hiccup max %d us%n",
                intended.getValueAtPercentile(50), intended.getValueAtPercentile(95), intended.getValueAtPercentile(99.9),
                intended.getMaxValue(), service.getValueAtPercentile(99.9), lag.path("p50").asLong(), lag.path("p999").asLong(),
                lag.path("max").asLong(), scenario.path("injector").path("hiccupUs").path("max").asLong());
    }

    @Test
    @Timeout(180)
    void aRunWhoseInjectorFellBehindItsMaxLagEndsFailedWithTheFigure() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.run(InjectorStallSimulation.class, results, Map.of("maxLag", "100ms"));

        assertThat(result.exitCode()).isNotZero();
        JsonNode manifest = Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).contains("the injector fell behind its schedule: a request started")
                .contains("at most 100 ms allowed");
    }

    @Test
    @Timeout(180)
    void followUpRequestsAndFailuresDoNotInflateTheAchievedRate() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.run(InjectorStallSimulation.class, results,
                Map.of("mode", "arrivals", "maxKoRatio", "1.0"));
        assertThat(result.exitCode()).as("the rate is met in arrivals; failures are allowed here").isZero();

        JsonNode scenario = Json.mapper().readTree(result.runFolder().resolve("scenario.json").toFile());
        JsonNode arrivals = scenario.path("arrivals");
        double rate = InjectorStallSimulation.RATE;
        assertThat(arrivals.path("achievedPerSecond").asDouble()).isBetween(rate * 0.85, rate * 1.02);
        assertThat(arrivals.path("targetPerSecond").asDouble()).isBetween(rate * 0.99, rate * 1.01);
        // three requests an arrival, a third of them failed: neither shows in the arrivals
        assertThat(scenario.path("rate").path("achievedRequestsPerSecond").asDouble()).isGreaterThan(rate * 2.7);
        assertThat(scenario.path("requests").path("failing follow-up").path("ko").asLong())
                .isEqualTo(scenario.path("requests").path("first get").path("ok").asLong());
        assertThat(arrivals.path("issued").asLong()).isEqualTo(scenario.path("requests").path("first get").path("ok").asLong());
    }
}
