package io.loadbench.scenarios.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.latency.LatencyLogReader;
import io.loadbench.results.Json;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.scenarios.GatlingLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

class ProtocolIntegrationTest {

    @TempDir
    Path results;

    @Test
    void aTinySimulationRunsEveryProtocolFeatureAndWritesACompleteRunFolder() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.run(ProtocolSmokeSimulation.class, results, Map.of());

        assertThat(result.exitCode()).as("Gatling exit code").isZero();
        Path run = result.runFolder();
        JsonNode manifest = Json.mapper().readTree(run.resolve("manifest.json").toFile());
        // NOISY when the shared machine is busy: the verdict passed either way
        assertThat(manifest.path("status").asText()).isIn("OK", "NOISY");
        assertThat(manifest.path("noise").path("thresholds").isObject()).as("noise recorded").isTrue();
        assertThat(manifest.path("kind").asText()).isEqualTo("gatling");

        JsonNode scenario = Json.mapper().readTree(run.resolve("scenario.json").toFile());
        JsonNode requests = scenario.path("requests");
        int users = ProtocolSmokeSimulation.USERS_PER_SEC * ProtocolSmokeSimulation.SECONDS;
        long misses = requests.path("item get").path("cacheMisses").asLong();
        assertThat(requests.path("item get").path("ok").asLong()).isEqualTo(users);
        assertThat(misses).isBetween((long) ProtocolSmokeSimulation.ITEMS, ProtocolSmokeSimulation.ITEMS + 10L);
        assertThat(requests.path("item get").path("cacheHits").asLong()).isEqualTo(users - misses);
        assertThat(requests.path("item query").path("ok").asLong()).as("a miss reads PostgreSQL").isEqualTo(misses);
        assertThat(requests.path("item set").path("ok").asLong()).as("and fills the cache").isEqualTo(misses);
        assertThat(requests.path("item touch").path("ok").asLong()).isEqualTo(users);
        assertThat(requests.path("always fails").path("ko").asLong()).as("tryMax(2) tries twice").isEqualTo(2L * users);
        assertThat(requests.path("wrong count").path("ko").asLong()).isEqualTo(users);
        assertThat(requests.has("never reached")).as("exitBlockOnFail left the block").isFalse();
        assertThat(scenario.path("injector").path("droppedRequests").asLong()).isZero();

        try (Connection connection = TestDatastores.embedded().openPgConnection();
             Statement statement = connection.createStatement();
             ResultSet sum = statement.executeQuery("SELECT sum(visits) FROM " + ProtocolSmokeSimulation.TABLE)) {
            sum.next();
            assertThat(sum.getLong(1)).as("every UPDATE ran once").isEqualTo(users);
            statement.execute("DROP TABLE " + ProtocolSmokeSimulation.TABLE);
        }
        try (Jedis jedis = TestDatastores.embedded().openRedisConnection()) {
            assertThat(jedis.get("lb:scenarios:it:visits")).isEqualTo(String.valueOf(users));
            assertThat(jedis.ttl(ProtocolSmokeSimulation.KEY_PREFIX + 1)).as("SETEX set a TTL").isBetween(1L, 60L);
        }

        Path hdr = run.resolve("hdr");
        assertThat(hdr.resolve("item_get.intended.hlog")).exists();
        assertThat(hdr.resolve("item_get.service.hgrm")).exists();
        assertThat(hdr.resolve("always_fails.failed.intended.hlog")).as("failures are their own series").exists();
        assertThat(LatencyLogReader.sum(hdr.resolve("item_get.intended.hlog"), "item_get").getTotalCount()).isEqualTo(users);
        try (Stream<Path> reports = Files.walk(run.resolve("gatling"))) {
            assertThat(reports.map(p -> p.getFileName().toString())).contains("index.html");
        }
    }
}
