package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.simulations.DailyScheduleSimulation;
import io.loadbench.scenarios.simulations.WeatherUsersSimulation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation that cannot start ends its run folder FAILED with a one-line reason, whatever stopped it: a
 * server that is down, a malformed URL, a bad option value (read while the simulation builds its scenarios).
 */
class EarlyFailureTest {

    @TempDir
    Path results;

    @Test
    void aPostgresThatIsDownFailsTheRunFolderNamingTheServer() throws Exception {
        JsonNode manifest = failedManifest(Map.of("pgUrl", "postgresql://127.0.0.1:1/x"));
        assertThat(manifest.path("failureReason").asText()).contains("127.0.0.1:1");
    }

    @Test
    void aMalformedUrlFailsTheRunFolderNamingTheOption() throws Exception {
        JsonNode manifest = failedManifest(Map.of("pgUrl", "mysql://127.0.0.1:5432/x"));
        assertThat(manifest.path("failureReason").asText()).containsIgnoringCase("pg-url");
    }

    @Test
    void aBadOptionValueFailsTheRunFolderNamingTheOption() throws Exception {
        JsonNode manifest = failedManifest(Map.of("users", "many"));
        assertThat(manifest.path("failureReason").asText())
                .isEqualTo("WeatherUsersSimulation option users (-Dusers): expected a positive number, got 'many'");
    }

    @Test
    void anUnknownChoiceFailsTheRunFolderListingTheChoices() throws Exception {
        JsonNode manifest = failedManifest(Map.of("query", "median"));
        assertThat(manifest.path("failureReason").asText())
                .isEqualTo("WeatherUsersSimulation option query (-Dquery): expected aggregate or summary, got 'median'");
    }

    @Test
    void anUnknownPresetFailsTheRunFolder() throws Exception {
        JsonNode manifest = failedManifest(Map.of("preset", "huge"));
        assertThat(manifest.path("failureReason").asText()).startsWith("unknown preset 'huge' for WeatherUsersSimulation");
    }

    @Test
    void aRedisRequestOnAPostgresOnlyTargetFailsTheRunFolderAskingForRedis() throws Exception {
        GatlingLauncher.Failure failure = GatlingLauncher.runExpectingFailure(DailyScheduleSimulation.class, results,
                Map.of("pgUrl", PostgresOnlyTargetTest.embeddedPostgresUrl(), "incident", "slow-queries"));
        JsonNode manifest = Json.mapper().readTree(failure.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).as("status, cause %s", failure.cause()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).contains("names no Redis").contains("-DredisUrl");
    }

    private JsonNode failedManifest(Map<String, String> properties) throws Exception {
        GatlingLauncher.Failure failure = GatlingLauncher.runExpectingFailure(WeatherUsersSimulation.class, results, properties);
        JsonNode manifest = Json.mapper().readTree(failure.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).as("status, cause %s", failure.cause()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).doesNotContain("\n").isNotBlank();
        return manifest;
    }
}
