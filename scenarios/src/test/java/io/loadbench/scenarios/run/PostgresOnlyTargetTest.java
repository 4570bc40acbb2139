package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.simulations.WeatherUsersSimulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL-only simulation given only a PostgreSQL URL runs without any Redis. */
class PostgresOnlyTargetTest {

    @TempDir
    Path results;

    @Test
    void theWeatherSimulationRunsOnAPostgresUrlAlone() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.runWithoutTargetEnvironment(WeatherUsersSimulation.class, results,
                Map.of("pgUrl", embeddedPostgresUrl(), "users", "8", "rampRate", "8", "hold", "3s", "warmup", "1s"),
                Duration.ofMinutes(3));

        JsonNode manifest = Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("failureReason").isNull()).as("failure reason %s", manifest.path("failureReason")).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(manifest.path("status").asText()).isIn("OK", "NOISY"); // NOISY on a busy machine, passed either way
        assertThat(manifest.path("target").path("kind").asText()).isEqualTo("EXTERNAL");
        assertThat(manifest.path("target").path("redis").isNull()).as("no Redis was named, none was used").isTrue();
        JsonNode scenario = Json.mapper().readTree(result.runFolder().resolve("scenario.json").toFile());
        assertThat(scenario.path("requests").path("avg temperature (aggregate)").path("ok").asLong()).isPositive();
    }

    /** The test JVM's embedded PostgreSQL as an external URL, with its credentials. */
    static String embeddedPostgresUrl() {
        return TestDatastores.embedded().postgres().jdbcUrlWithCredentials();
    }
}
