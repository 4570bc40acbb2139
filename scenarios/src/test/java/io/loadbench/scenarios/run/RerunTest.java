package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.datasets.analytics.AnalyticsSettings;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.simulations.CacheQueriesSimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload run again on the same servers starts from the same data: the preparation restores what the last run
 * changed (the analytics counters it INCRed, the cache entries it wrote), reloads a table dropped by hand, and a
 * preparation that cannot succeed is one line and a FAILED run folder. All on the test JVM's embedded servers, named
 * as external URLs, with the smoke preset's analytics plan (so every test here shares one dataset).
 */
class RerunTest {

    @TempDir
    Path results;

    /** The analytics dataset of CacheQueriesSimulation's smoke preset. */
    private static final AnalyticsSettings SMOKE_ANALYTICS = AnalyticsSettings.DEFAULTS.withTenants(20, 10, 24)
            .withCache(300, "lb:analytics");
    private static final long SMOKE_ROWS = 20_000;

    @Test
    @Timeout(300)
    void theCacheSimulationRunTwiceInARowOnTheSameServersEndsWithAVerdictBothTimesAndTheSecondRestoresTheRedisData()
            throws Exception {
        JsonNode first = manifest(GatlingLauncher.run(CacheQueriesSimulation.class, results.resolve("first"), target()));
        JsonNode second = manifest(GatlingLauncher.run(CacheQueriesSimulation.class, results.resolve("second"), target()));

        // NOISY when the shared machine is busy: the verdict passed either way
        assertThat(first.path("status").asText()).as("first run: %s", first.path("failureReason")).isIn("OK", "NOISY");
        assertThat(second.path("status").asText()).as("second run: %s", second.path("failureReason")).isIn("OK", "NOISY");
        assertThat(second.path("parameters").path("datasetAction").asText()).isEqualTo("restored");
        assertThat(second.path("parameters").path("datasetRestored").asText())
                .startsWith("redis:analytics counters and cache entries: ").contains(" keys deleted, ");
    }

    @Test
    @Timeout(300)
    void aTableDroppedByHandIsLoadedAgainByTheNextPreparation() throws Exception {
        Datastores datastores = TestDatastores.embedded();
        DatasetPreparer.prepare(datastores, Files.createDirectories(results.resolve("before")), 42, SMOKE_ROWS, SMOKE_ANALYTICS);
        try (Connection c = datastores.openPgConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE analytics_events");
        }

        DatasetPreparer.Prepared again = DatasetPreparer.prepare(datastores, Files.createDirectories(results.resolve("after")),
                42, SMOKE_ROWS, SMOKE_ANALYTICS);

        assertThat(again.action()).isEqualTo(DatasetPreparer.Action.LOADED);
        try (Connection c = datastores.openPgConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT count(*) FROM analytics_events")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(SMOKE_ROWS);
        }
    }

    @Test
    @Timeout(300)
    void aPreparationThatFailsIsOneLineWithoutStackTraceAndAFailedRunFolder() throws Exception {
        Datastores datastores = TestDatastores.embedded();
        DatasetPreparer.prepare(datastores, Files.createDirectories(results.resolve("smoke")), 42, SMOKE_ROWS, SMOKE_ANALYTICS);
        Path run = Files.createDirectories(results.resolve("other-plan"));
        Map<String, String> otherPlan = new java.util.HashMap<>(target());
        // the smoke plan's tables are there: another row count is another plan, which is never overwritten
        otherPlan.put("rows", "30000");

        GatlingLauncher.Result result = GatlingLauncher.runWithoutTargetEnvironment(CacheQueriesSimulation.class, run, otherPlan,
                Duration.ofMinutes(3));

        assertThat(result.exitCode()).isNotZero();
        JsonNode manifest = manifest(result);
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        String reason = manifest.path("failureReason").asText();
        assertThat(reason).startsWith("preparation failed: cannot load dataset analytics").contains("different plan")
                .contains("drop analytics").doesNotContain("\n");
        String console = Files.readString(run.resolve(".child-jvm.log"));
        assertThat(console).contains("error: cache-queries: " + reason).doesNotContain("\tat ").doesNotContain("Run crashed")
                .doesNotContain("Caused by");
        assertThat(console.lines().filter(line -> line.contains(reason)).count()).as("printed once").isEqualTo(1);
    }

    private static Map<String, String> target() {
        Datastores datastores = TestDatastores.embedded();
        return Map.of("pgUrl", datastores.postgres().jdbcUrlWithCredentials(), "redisUrl", datastores.redis().urlWithCredentials(),
                "preset", "smoke");
    }

    private static JsonNode manifest(GatlingLauncher.Result result) throws Exception {
        return Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
    }
}
