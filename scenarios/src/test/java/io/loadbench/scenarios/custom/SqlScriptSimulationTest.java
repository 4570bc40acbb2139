package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.simulations.SqlScriptSimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL-script workload end to end, through Gatling: the smoke preset's example scripts on a PostgreSQL named by its
 * URL alone, and a script with an error, which fails the run before any load.
 */
class SqlScriptSimulationTest {

    @TempDir
    Path results;

    @Test
    @Timeout(300)
    void theSmokePresetsWeightedExampleScriptsRunOnAPostgresUrlAloneAndEndOk() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.runWithoutTargetEnvironment(SqlScriptSimulation.class, results,
                Map.of("pgUrl", TestDatastores.embedded().postgres().jdbcUrlWithCredentials(), "preset", "smoke"),
                Duration.ofMinutes(3));

        JsonNode manifest = Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("failureReason").isNull()).as("failure reason %s", manifest.path("failureReason")).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(manifest.path("status").asText()).isIn("OK", "NOISY"); // NOISY on a busy machine, passed either way
        assertThat(manifest.path("target").path("redis").isNull()).as("no Redis was named, none was used").isTrue();

        JsonNode scenario = Json.mapper().readTree(result.runFolder().resolve("scenario.json").toFile());
        assertThat(scenario.path("status").asText()).isEqualTo("OK");
        JsonNode requests = scenario.path("requests");
        assertThat(requests.path("pgbench-select.sql:5").path("ok").asLong()).isPositive();
        for (String statement : new String[] {"pgbench-update.sql:5", "pgbench-update.sql:6", "pgbench-update.sql:7",
                "pgbench-update.sql:8"}) {
            assertThat(requests.path(statement).path("ok").asLong()).as(statement).isPositive();
            assertThat(requests.path(statement).path("ko").asLong()).as(statement).isZero();
        }
        JsonNode transactions = scenario.path("transactions");
        long selects = transactions.path("pgbench-select.sql").path("ok").asLong();
        long updates = transactions.path("pgbench-update.sql").path("ok").asLong();
        assertThat(updates).as("the update script's transactions").isPositive();
        assertThat(selects).as("weight 9 against 1").isGreaterThan(3 * updates);
        assertThat(result.runFolder().resolve("hdr/pgbench-select.sql_5.intended.hlog")).isRegularFile();

        JsonNode workload = manifest.path("parameters").path("workload");
        assertThat(workload.path("sources")).extracting(source -> source.path("name").asText())
                .containsExactly("pgbench-select.sql", "pgbench-update.sql", "pgbench-accounts-setup.sql");
        assertThat(workload.path("sources").get(0).path("weight").asLong()).isEqualTo(9);
        assertThat(workload.path("sources").get(0).path("text").asText())
                .isEqualTo(ScriptSet.readText("example:pgbench-select.sql"));
        assertThat(manifest.path("plan").path("workload").path("sha256").asText()).isEqualTo(workload.path("sha256").asText())
                .hasSize(64);
    }

    @Test
    @Timeout(120)
    void aScriptWithAnErrorFailsTheRunBeforeTheLoadNamingItsFileAndLine() throws Exception {
        Path script = Files.writeString(results.resolve("bad.sql"), "\\set aid random(1, 10)\nSELECT :aid;\n\\sett x 1\n");
        Path runs = Files.createDirectories(results.resolve("runs"));

        GatlingLauncher.Failure failure = GatlingLauncher.runExpectingFailure(SqlScriptSimulation.class, runs,
                Map.of("script", script.toString(), "setup", "none", "preset", "smoke"));

        JsonNode manifest = Json.mapper().readTree(failure.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText())
                .isEqualTo("SqlScriptSimulation option script (-Dscript): bad.sql:3: unknown meta command \\sett (known: \\set, \\sleep)");
        assertThat(failure.runFolder().resolve("scenario.json")).doesNotExist();
    }
}
