package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.simulations.RedisCommandSimulation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.Jedis;

/**
 * The Redis-command workload end to end, through Gatling, on the test JVM's embedded Redis named by its URL: the smoke
 * preset pipelined, a closed model, and the options refused before any load.
 */
class RedisCommandSimulationTest {

    private static final String PREFIX = "lb:test-redis-commands:";
    private static final String NOT_OURS = "lb:test-not-the-workloads";

    @TempDir
    Path results;

    @AfterEach
    void deleteKeys() {
        try (Jedis jedis = TestDatastores.embedded().openRedisConnection()) {
            for (String key : jedis.keys(PREFIX + "*")) {
                jedis.del(key);
            }
            jedis.del(NOT_OURS);
        }
    }

    private static Map<String, String> target(String... more) {
        Datastores datastores = TestDatastores.embedded();
        Map<String, String> properties = new HashMap<>(Map.of("pgUrl", datastores.postgres().jdbcUrlWithCredentials(),
                "redisUrl", datastores.redis().urlWithCredentials(), "preset", "smoke", "keyPrefix", PREFIX));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    @Test
    @Timeout(180)
    void theSmokePresetPipelinedSetsAndGetsItsOwnKeysOnlyAndEndsOk() throws Exception {
        try (Jedis jedis = TestDatastores.embedded().openRedisConnection()) {
            jedis.set(NOT_OURS, "untouched");
        }

        GatlingLauncher.Result result = GatlingLauncher.run(RedisCommandSimulation.class, results, target("pipeline", "4"));

        JsonNode manifest = Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("failureReason").isNull()).as("failure reason %s", manifest.path("failureReason")).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(manifest.path("status").asText()).isIn("OK", "NOISY"); // NOISY on a busy machine, passed either way
        JsonNode scenario = Json.mapper().readTree(result.runFolder().resolve("scenario.json").toFile());
        JsonNode requests = scenario.path("requests");
        long sets = requests.path("SET").path("ok").asLong();
        long gets = requests.path("GET").path("ok").asLong();
        assertThat(sets).isPositive();
        assertThat(gets).as("ratio 1:10").isGreaterThan(4 * sets);
        assertThat(requests.path("GET").path("cacheHits").asLong() + requests.path("GET").path("cacheMisses").asLong())
                .isEqualTo(gets);
        assertThat(scenario.path("arrivals").path("issued").asLong()).isPositive();

        try (Jedis jedis = TestDatastores.embedded().openRedisConnection()) {
            Set<String> written = jedis.keys(PREFIX + "*");
            assertThat(written).isNotEmpty().hasSizeLessThanOrEqualTo(1000)
                    .allMatch(key -> key.matches(java.util.regex.Pattern.quote(PREFIX) + "\\d+"));
            assertThat(jedis.get(written.iterator().next())).hasSize(32).matches("[A-Za-z0-9]+");
            assertThat(jedis.get(NOT_OURS)).isEqualTo("untouched");
        }
        JsonNode workload = manifest.path("parameters").path("workload");
        assertThat(workload.path("kind").asText()).isEqualTo("redis-commands");
        assertThat(workload.path("sources")).extracting(source -> source.path("name").asText() + "@"
                + source.path("weight").asLong() + "=" + source.path("text").asText())
                .containsExactly("SET@1=SET __key__ __data__", "GET@10=GET __key__");
        assertThat(manifest.path("plan").path("workload").path("sha256").asText()).isEqualTo(workload.path("sha256").asText());
        assertThat(manifest.path("parameters").path("redisPool").asInt()).isEqualTo(4);
    }

    @Test
    @Timeout(180)
    void atRateZeroConnectionsTimesPipelineClientsSendBackToBack() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.run(RedisCommandSimulation.class, results,
                target("rate", "0", "connections", "2", "pipeline", "3", "duration", "3s", "command", "INCR __key__",
                        "ratio", "equal", "keyPattern", "zipf:1.1"));

        JsonNode manifest = Json.mapper().readTree(result.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("failureReason").isNull()).as("failure reason %s", manifest.path("failureReason")).isTrue();
        JsonNode scenario = Json.mapper().readTree(result.runFolder().resolve("scenario.json").toFile());
        assertThat(scenario.path("rate").path("targetUsers").asInt()).isEqualTo(6);
        assertThat(scenario.path("requests").path("INCR").path("ok").asLong()).isPositive();
        try (Jedis jedis = TestDatastores.embedded().openRedisConnection()) {
            // zipf: key 1 the hottest
            assertThat(Long.parseLong(jedis.get(PREFIX + "1"))).isGreaterThan(Long.parseLong(jedis.get(PREFIX + "2")));
        }
    }

    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            command    | GET __kee__     | RedisCommandSimulation option command (-Dcommand): command 1 'GET __kee__': unknown placeholder __kee__ (known: __key__, __data__)
            command    | FLUSHDB         | RedisCommandSimulation option command (-Dcommand): command 1 'FLUSHDB': FLUSHDB is not allowed: it can touch data this workload did not create, or change or block a pooled connection
            ratio      | 1:2:3           | RedisCommandSimulation option ratio (-Dratio): ratio '1:2:3' has 3 terms for 2 commands (one whole number per command, e.g. 1:9)
            keyPattern | zipf            | RedisCommandSimulation option keyPattern (-DkeyPattern): expected uniform, zipf:S, gaussian:MEAN,SD or sequential, got 'zipf'
            pipeline   | 0               | RedisCommandSimulation option pipeline (-Dpipeline): expected a positive number, got '0'
            connections | 0              | RedisCommandSimulation option redisPool (-DredisPool or -Dconnections): expected a positive number, got '0'
            """)
    void anOptionThatCannotRunFailsTheRunBeforeTheLoad(String option, String value, String reason) throws Exception {
        GatlingLauncher.Failure failure = GatlingLauncher.runExpectingFailure(RedisCommandSimulation.class, results,
                target(option, value));

        JsonNode manifest = Json.mapper().readTree(failure.runFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).isEqualTo(reason);
    }
}
