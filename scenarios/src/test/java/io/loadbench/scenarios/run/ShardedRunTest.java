package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.results.Json;
import io.loadbench.results.shard.ShardContractException;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.simulations.RedisCommandSimulation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * One shard of a scaled-out injector run, through Gatling on the test JVM's embedded Redis: where it writes, what
 * share of the rate it offers, from which instant, and what a shard that is not ready by then does.
 */
class ShardedRunTest {

    private static final String PREFIX = "lb:test-sharded-run:";

    @TempDir
    Path results;

    @AfterEach
    void deleteKeys() {
        try (Jedis jedis = TestDatastores.embedded().openRedisConnection()) {
            for (String key : jedis.keys(PREFIX + "*")) {
                jedis.del(key);
            }
        }
    }

    private static Map<String, String> shard(String shard, Instant startAt) {
        Datastores datastores = TestDatastores.embedded();
        Map<String, String> properties = new HashMap<>(Map.of("redisUrl", datastores.redis().urlWithCredentials(),
                "pgUrl", datastores.postgres().jdbcUrlWithCredentials(), "preset", "smoke", "keyPrefix", PREFIX,
                SimulationRun.SHARD_PROPERTY, shard, SimulationRun.RUN_ID_PROPERTY, "test-run-7",
                SimulationRun.START_AT_PROPERTY, startAt.toString()));
        // 200/s for 5 s: 1,000 arrivals in the whole run, 500 of them shard 1's
        properties.putAll(Map.of("rate", "200", "duration", "5s", "warmup", "1s"));
        return properties;
    }

    @Test
    @Timeout(180)
    void aShardOffersItsShareOfTheWholeRunsArrivalsFromTheStartInstantInItsRunIdsFolder() throws Exception {
        Map<String, String> servers = shard("1/2", Instant.now()); // starts the embedded servers, if not up yet
        Instant startAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        servers.put(SimulationRun.START_AT_PROPERTY, startAt.toString());

        GatlingLauncher.run(RedisCommandSimulation.class, results, servers);

        Path folder = results.resolve("test-run-7").resolve("shard-1");
        JsonNode manifest = Json.mapper().readTree(folder.resolve("manifest.json").toFile());
        assertThat(manifest.path("failureReason").isNull()).as("failure reason %s", manifest.path("failureReason")).isTrue();
        JsonNode parameters = manifest.path("parameters");
        assertThat(parameters.path("shard").path("index").asInt()).isEqualTo(1);
        assertThat(parameters.path("shard").path("count").asInt()).isEqualTo(2);
        assertThat(parameters.path("runId").asText()).isEqualTo("test-run-7");
        JsonNode timing = parameters.path("shardTiming");
        assertThat(Instant.parse(timing.path("startAt").asText())).isEqualTo(startAt);
        assertThat(Instant.parse(timing.path("scheduleStart").asText())).isEqualTo(startAt);
        // shard 1's first arrival is the whole run's second, 5 ms after the start instant
        assertThat(Instant.parse(timing.path("firstSend").asText())).isAfterOrEqualTo(startAt.plusMillis(4));
        assertThat(timing.path("clockSource").asText()).isEqualTo("redis");
        assertThat(Math.abs(timing.path("clockOffsetMs").asDouble())).as("same machine, same clock").isLessThan(50);
        assertThat(timing.path("clockRttMs").asDouble()).isPositive();

        JsonNode scenario = Json.mapper().readTree(folder.resolve("scenario.json").toFile());
        assertThat(scenario.path("rate").path("targetRequestsPerSecond").asDouble()).isEqualTo(100.0);
        // the measured window: from the warm-up's end (1 s after the first request) to the last arrival, about 4 s of 100/s
        assertThat(scenario.path("arrivals").path("expected").asDouble()).as("arrivals due after the warm-up")
                .isBetween(390.0, 401.0);
        assertThat(scenario.path("arrivals").path("issued").asLong()).as("arrivals issued after the warm-up")
                .isBetween(380L, 402L);
    }

    @Test
    @Timeout(120)
    void aShardNotReadyByItsStartInstantEndsFailedAsLateWithoutSendingARequest() throws Exception {
        Instant past = Instant.now().minusSeconds(1);

        GatlingLauncher.Failure failure = GatlingLauncher.runExpectingFailure(RedisCommandSimulation.class, results,
                shard("0/2", past));

        Path folder = results.resolve("test-run-7").resolve("shard-0");
        JsonNode manifest = Json.mapper().readTree(folder.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).startsWith(SimulationRun.LATE_REASON)
                .contains("after --start-at " + past);
        assertThat(failure.cause()).hasMessageContaining("late: ");
        try (Jedis jedis = TestDatastores.embedded().openRedisConnection()) {
            assertThat(jedis.keys(PREFIX + "*")).as("no request sent").isEmpty();
        }
    }

    @Test
    void aShardNeedsARunIdAndOfSeveralAStartInstant() {
        Properties noRunId = new Properties();
        noRunId.setProperty(SimulationRun.SHARD_PROPERTY, "0/2");
        assertThatThrownBy(() -> SimulationRun.Sharding.resolve(noRunId, Map.of())).isInstanceOf(ShardContractException.class)
                .hasMessageStartingWith("--run-id: shard 0/2 needs the run id");

        Properties noStart = new Properties();
        noStart.setProperty(SimulationRun.RUN_ID_PROPERTY, "r1");
        assertThatThrownBy(() -> SimulationRun.Sharding.resolve(noStart, Map.of("JOB_COMPLETION_INDEX", "1", "LB_SHARD_COUNT", "3")))
                .hasMessageStartingWith("--start-at: shard 1/3 needs the instant");

        Properties badStart = new Properties();
        badStart.setProperty(SimulationRun.START_AT_PROPERTY, "tomorrow");
        assertThatThrownBy(() -> SimulationRun.Sharding.resolve(badStart, Map.of()))
                .hasMessage("--start-at: expected an ISO-8601 instant such as 2026-12-06T21:30:00Z, got 'tomorrow'");

        assertThat(SimulationRun.Sharding.resolve(new Properties(), Map.of()).sharded()).as("the whole run").isFalse();
    }
}
