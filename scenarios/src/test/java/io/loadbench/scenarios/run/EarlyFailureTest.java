package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.simulations.DailyScheduleSimulation;
import io.loadbench.scenarios.simulations.WeatherUsersSimulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A simulation that cannot start ends its run folder FAILED with a one-line reason, whatever stopped it: a
 * server that is down, a malformed URL, a bad option value (also one read while the simulation builds its
 * scenarios), a store its requests need but the target lacks.
 */
class EarlyFailureTest {

    @TempDir
    Path results;

    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            pgUrl  | postgresql://127.0.0.1:1/x | PostgreSQL at 127.0.0.1:1: cannot connect
            pgUrl  | mysql://127.0.0.1:5432/x   | --pg-url: not a PostgreSQL URL
            users  | many                       | WeatherUsersSimulation option users (-Dusers): expected a positive number, got 'many'
            query  | median                     | WeatherUsersSimulation option query (-Dquery): expected aggregate or summary, got 'median'
            preset | huge                       | unknown preset 'huge' for WeatherUsersSimulation (-Dpreset)
            usres  | 5000                       | WeatherUsersSimulation: unknown option usres (-Dusres); did you mean users?
            maxKoRatio | 2                      | WeatherUsersSimulation option maxKoRatio (-DmaxKoRatio): expected a number from 0 to 1, got '2'
            hold   | 0s                         | WeatherUsersSimulation option hold (-Dhold or -Dduration): expected a duration longer than zero, got '0s'
            queryTimeout | 0ms                  | WeatherUsersSimulation option queryTimeout (-DqueryTimeout): expected a duration longer than zero, got '0ms'
            thinkMax | 500ms                    | WeatherUsersSimulation option thinkMax (-DthinkMax): must not be shorter than thinkMin (1s)
            """)
    void theWeatherSimulationCannotStartAndSaysWhyInItsRunFolder(String option, String value, String reason) throws Exception {
        assertThat(failureReason(WeatherUsersSimulation.class, Map.of(option, value))).startsWith(reason);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void theCacheSimulationRejectsAMisspelledRateInsteadOfRunningThePresetsRate() throws Exception {
        assertThat(failureReason(io.loadbench.scenarios.simulations.CacheQueriesSimulation.class,
                Map.of("queriespersec", "5000", "preset", "full")))
                .isEqualTo("CacheQueriesSimulation: unknown option queriespersec (-Dqueriespersec); did you mean queriesPerSec?");
    }

    @Test
    void aRedisRequestOnAPostgresOnlyTargetFailsTheRunFolderAskingForRedis() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.runWithoutTargetEnvironment(DailyScheduleSimulation.class, results,
                Map.of("pgUrl", PostgresOnlyTargetTest.embeddedPostgresUrl(), "incident", "slow-queries"), Duration.ofMinutes(3));
        JsonNode manifest = Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
        assertThat(result.exitCode()).isNotZero();
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).contains("names no Redis").contains("-DredisUrl")
                .doesNotContain("\n");
    }

    private String failureReason(Class<?> simulation, Map<String, String> properties) throws Exception {
        GatlingLauncher.Failure failure = GatlingLauncher.runExpectingFailure(simulation, results, properties);
        JsonNode manifest = Json.mapper().readTree(failure.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).as("status, cause %s", failure.cause()).isEqualTo("FAILED");
        String reason = manifest.path("failureReason").asText();
        assertThat(reason).doesNotContain("\n").isNotBlank();
        return reason;
    }
}
