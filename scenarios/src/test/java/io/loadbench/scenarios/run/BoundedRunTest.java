package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation never runs unbounded and never ends without its verdict and {@code scenario.json}: a statement
 * that never returns is cancelled at the query timeout, a run that outlives its plan is stopped at its
 * maxDuration and says so, and a write to the run folder that fails fails the run with its cause.
 */
class BoundedRunTest {

    @TempDir
    Path results;

    @Test
    @Timeout(120)
    void aStatementThatNeverReturnsIsCancelledAtTheQueryTimeoutAndTheRunEndsFailed() throws Exception {
        long startNanos = System.nanoTime();
        GatlingLauncher.Result result = run("sleep");

        // 2 s of load, each pg_sleep(3600) cancelled after the 1 s query timeout
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("the failed verdict fails Gatling's assertion").isNotZero();
        JsonNode manifest = manifest(result);
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        JsonNode scenario = scenarioJson(result);
        assertThat(scenario.path("requests").path("sleep").path("ko").asLong()).isPositive();
        assertThat(scenario.path("requests").path("sleep").path("ok").asLong()).isZero();
        assertThat(scenario.path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    @Timeout(120)
    void aRunThatOutlivesItsPlanIsStoppedAtItsMaxDurationAndEndsFailedSayingSo() throws Exception {
        long startNanos = System.nanoTime();
        GatlingLauncher.Result result = run("pause");

        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        JsonNode manifest = manifest(result);
        long boundMs = manifest.path("parameters").path("maxDurationMs").asLong();
        // 2 s of load + 1 s query timeout + 2 s pool timeout + the verdict's margin; the users would pause an hour
        assertThat(boundMs).isEqualTo(Duration.ofSeconds(2 + 1 + 2).plus(SimulationRun.VERDICT_MARGIN).toMillis());
        assertThat(took).isLessThan(Duration.ofMillis(boundMs).plusSeconds(40));
        assertThat(result.exitCode()).as("no verdict ran: Gatling's assertion fails").isNotZero();
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        String reason = manifest.path("failureReason").asText();
        assertThat(reason).startsWith("did not finish within " + boundMs / 1000.0 + " s").doesNotContain("\n");
        JsonNode scenario = scenarioJson(result);
        assertThat(scenario.path("failures").get(0).asText()).startsWith("did not finish within");
        assertThat(scenario.path("requests").path(BoundedRunSimulation.REQUEST).path("ok").asLong()).isPositive();
    }

    @Test
    @Timeout(120)
    void anIntervalLogThatCannotBeWrittenFailsTheRunWithTheCause() throws Exception {
        GatlingLauncher.Result result = run("hlog");

        JsonNode manifest = manifest(result);
        assertThat(result.exitCode()).isNotZero();
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).contains("cannot write the interval log")
                .contains("select_one.intended.hlog").doesNotContain("\n");
        assertThat(scenarioJson(result).path("failures").toString()).contains("cannot write the interval log");
    }

    @Test
    @Timeout(120)
    void aScenarioJsonThatCannotBeWrittenFailsTheRunWithTheCause() throws Exception {
        GatlingLauncher.Result result = run("scenario");

        JsonNode manifest = manifest(result);
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).startsWith("the run folder could not be written: ")
                .contains("scenario.json").doesNotContain("\n");
    }

    private GatlingLauncher.Result run(String mode) {
        Map<String, String> properties = new HashMap<>();
        properties.put("pgUrl", PostgresOnlyTargetTest.embeddedPostgresUrl());
        properties.put("mode", mode);
        return GatlingLauncher.run(BoundedRunSimulation.class, results, properties);
    }

    private static JsonNode manifest(GatlingLauncher.Result result) throws Exception {
        return Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
    }

    private static JsonNode scenarioJson(GatlingLauncher.Result result) throws Exception {
        Path file = result.runFolder().resolve("scenario.json");
        assertThat(file).as("scenario.json is always written").isRegularFile();
        return Json.mapper().readTree(Files.readString(file));
    }
}
