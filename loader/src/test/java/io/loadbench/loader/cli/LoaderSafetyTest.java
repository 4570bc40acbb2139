package io.loadbench.loader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.sink.postgres.ProgressTable;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Never delete, hang or leak" through the real command line against the embedded servers, each test in a
 * schema (and Redis key prefix) of its own: drop removes only what a recorded load created, a second load of
 * a dataset is refused while the first holds its lock, and records of tables dropped by hand are recognised.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoaderSafetyTest {

    @TempDir
    Path results;

    private TestSchema schema;
    private String pgUrl;
    private String redisUrl;
    private String prefix;

    @BeforeEach
    void ownSchema() throws Exception {
        Datastores embedded = TestDatastores.embedded();
        schema = new TestSchema(embedded);
        PostgresEndpoint pg = embedded.postgres();
        pgUrl = pg.jdbcUrlWithCredentials() + "&currentSchema=" + schema.name();
        RedisEndpoint redis = embedded.redis();
        redisUrl = redis.urlWithCredentials();
        // a unique name, not a data value
        prefix = "lb:safety:" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (Jedis jedis = schema.datastores().openRedisConnection()) {
            io.loadbench.loader.datasets.analytics.AnalyticsRedisFill.deleteKeys(jedis, prefix + ":*");
        }
        schema.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), "safety", args);
    }

    private CliRun events(String command, String... more) {
        return run(Stream.concat(Stream.of(command, "events", "--rows", "10K", "--users", "500", "--batch-size", "1000",
                "--pg-url", pgUrl, "--results", results.toString()), Stream.of(more)).toArray(String[]::new));
    }

    private static void assertOneLineFailure(CliRun o, String... fragments) {
        assertThat(o.exitCode()).as("exit code; stdout %s stderr %s", o.out(), o.err()).isNotZero();
        assertThat(o.err().lines().toList()).as("stderr").hasSize(1);
        assertThat(o.err()).doesNotContain("\tat ").doesNotContain("Exception");
        for (String fragment : fragments) {
            assertThat(o.err()).contains(fragment);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = schema.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String sql) throws Exception {
        try (Connection c = schema.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private boolean tableExists(String table) throws Exception {
        return count("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '" + table + "'") == 1;
    }

    // ---- drop ----

    @Test
    void dropRefusesAnEventsTableNoLoadCreatedAndLeavesIt() throws Exception {
        sql("CREATE TABLE events (id int)");
        sql("INSERT INTO events VALUES (1)");

        assertOneLineFailure(events("drop"), "no recorded load of events", "table(s) events");
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(1);
    }

    @Test
    void dropRefusesAnEventsTableRecreatedByHandAndKeepsTheLoadRecords() throws Exception {
        assertThat(events("load").exitCode()).isZero();
        sql("DROP TABLE events");
        sql("CREATE TABLE events (id int)");

        assertOneLineFailure(events("drop"), "refusing to drop table events", "no loadbench marker");
        assertThat(tableExists("events")).isTrue();
        assertThat(count("SELECT count(*) FROM " + ProgressTable.LOADS + " WHERE dataset = 'events'")).isEqualTo(1);
    }

    @Test
    void dropOfALoadedDatasetRemovesItsTablesAndThenItsRecords() throws Exception {
        assertThat(events("load").exitCode()).isZero();
        CliRun drop = events("drop");
        assertThat(drop.exitCode()).as(drop.err()).isZero();
        assertThat(drop.out()).contains("dropped table(s) events");
        assertThat(tableExists("events")).isFalse();
        assertThat(count("SELECT count(*) FROM " + ProgressTable.LOADS)).isZero();
        assertThat(count("SELECT count(*) FROM " + ProgressTable.PROGRESS)).isZero();

        assertOneLineFailure(events("drop"), "no recorded load of events");
    }

    @Test
    void aGatewayDropWithAnotherEmailDomainIsAnErrorAndKeepsRowsAndRecords() throws Exception {
        String[] load = {"load", "gateway", "--profile", "small", "--pg-url", pgUrl, "--results", results.toString()};
        CliRun loaded = run(load);
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        long users = count("SELECT count(*) FROM gw_users");

        assertOneLineFailure(run("drop", "gateway", "--profile", "small", "--email-domain", "other.example.com",
                "--pg-url", pgUrl, "--results", results.toString()),
                "no recorded load of gateway with emailDomain=other.example.com", "emailDomain=loadtest.example.com");
        assertThat(count("SELECT count(*) FROM gw_users")).isEqualTo(users);
        assertThat(count("SELECT count(*) FROM " + ProgressTable.LOADS + " WHERE dataset = 'gateway'")).isEqualTo(1);

        CliRun drop = run("drop", "gateway", "--profile", "small", "--pg-url", pgUrl, "--results", results.toString());
        assertThat(drop.exitCode()).as(drop.err()).isZero();
        assertThat(tableExists("gw_users")).isFalse();
        assertThat(count("SELECT count(*) FROM " + ProgressTable.LOADS)).isZero();
    }

    private String[] analytics(String command, String keyPrefix) {
        return new String[]{command, "analytics", "--rows", "2K", "--orgs", "3", "--users-per-org", "5", "--time-buckets", "2",
                "--key-prefix", keyPrefix, "--pg-url", pgUrl, "--redis-url", redisUrl, "--results", results.toString()};
    }

    @Test
    void anAnalyticsDropLeavesForeignKeysUnderItsPrefix() throws Exception {
        CliRun loaded = run(analytics("load", prefix));
        assertThat(loaded.exitCode()).as(loaded.out() + loaded.err()).isZero();
        try (Jedis jedis = schema.datastores().openRedisConnection()) {
            assertThat(jedis.exists(prefix + ":loadbench")).as("the marker the fill wrote").isTrue();
            assertThat(jedis.exists(prefix + ":meta")).isTrue();
            jedis.set(prefix + ":foreign", "mine");
            jedis.set(prefix + ":cnt:999:click:0", "mine too");
        }

        CliRun drop = run(analytics("drop", prefix));
        assertThat(drop.exitCode()).as(drop.err()).isZero();
        try (Jedis jedis = schema.datastores().openRedisConnection()) {
            assertThat(jedis.keys(prefix + ":*")).containsExactlyInAnyOrder(prefix + ":foreign", prefix + ":cnt:999:click:0");
        }
    }

    @Test
    void anAnalyticsDropRefusesAPrefixWithoutTheMarkerAndKeepsEverything() throws Exception {
        assertThat(run(analytics("load", prefix)).exitCode()).isZero();
        try (Jedis jedis = schema.datastores().openRedisConnection()) {
            jedis.del(prefix + ":loadbench");
        }
        long keys;
        try (Jedis jedis = schema.datastores().openRedisConnection()) {
            keys = jedis.keys(prefix + ":*").size();
        }

        assertOneLineFailure(run(analytics("drop", prefix)), "key prefix " + prefix, "no loadbench marker");
        try (Jedis jedis = schema.datastores().openRedisConnection()) {
            assertThat(jedis.keys(prefix + ":*")).hasSize((int) keys);
        }
        assertThat(tableExists("analytics_events")).isTrue();
        assertThat(count("SELECT count(*) FROM " + ProgressTable.LOADS + " WHERE dataset = 'analytics'")).isEqualTo(1);
    }

    @Test
    void anAnalyticsDropOfAnUnrecordedPrefixIsAnError() throws Exception {
        assertThat(run(analytics("load", prefix)).exitCode()).isZero();
        try (Jedis jedis = schema.datastores().openRedisConnection()) {
            jedis.set(prefix + "-other:x", "foreign");
        }
        try {
            assertOneLineFailure(run(analytics("drop", prefix + "-other")), "no recorded load of analytics with keyPrefix="
                    + prefix + "-other");
            try (Jedis jedis = schema.datastores().openRedisConnection()) {
                assertThat(jedis.get(prefix + "-other:x")).isEqualTo("foreign");
            }
        } finally {
            try (Jedis jedis = schema.datastores().openRedisConnection()) {
                jedis.del(prefix + "-other:x");
            }
        }
    }

    // ---- concurrency ----

    @Test
    void aSecondLoadOfTheSameDatasetIsRefusedWhileTheFirstRuns() throws Exception {
        String[] first = {"load", "events", "--rows", "300K", "--users", "2000", "--batch-size", "5000", "--workers", "1",
                "--pg-url", pgUrl, "--results", results.toString(), "--label", "first"};
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> run(first));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // the first load creates the table only after it holds the lock
        while (!tableExists("events") && !running.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running.isDone()).as("the first load is still running").isFalse();

        CliRun second = run("load", "events", "--rows", "300K", "--users", "2000", "--batch-size", "5000", "--workers", "1",
                "--pg-url", pgUrl, "--results", results.toString(), "--label", "second");
        CliRun firstCliRun = running.get(240, TimeUnit.SECONDS);

        assertOneLineFailure(second, "another load or drop of events is running");
        assertThat(firstCliRun.exitCode()).as(firstCliRun.err()).isZero();
        Path secondFolder;
        try (Stream<Path> folders = Files.list(results)) {
            secondFolder = folders.filter(p -> p.getFileName().toString().contains("-second-load-events")).findFirst().orElseThrow();
        }
        JsonNode manifest = new ObjectMapper().readTree(secondFolder.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.toString()).contains("another load or drop of events is running");
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(300_000);
    }

    // ---- stale state ----

    @Test
    void recordsOfATableDroppedByHandAreClearedByAPlainLoadAndRefusedByResume() throws Exception {
        CliRun loaded = events("load");
        assertThat(loaded.exitCode()).isZero();
        String checksum = loaded.out().lines().filter(l -> l.startsWith("checksum events")).findFirst().orElseThrow();
        sql("DROP TABLE events");

        assertOneLineFailure(events("load", "--resume"), "cannot resume", "table(s) events", "without --resume");
        assertThat(count("SELECT count(*) FROM " + ProgressTable.PROGRESS)).as("the refusal keeps the records").isPositive();

        CliRun again = events("load");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("note: cleared stale load records of events").contains(checksum);
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(10_000);
        assertThat(events("drop").exitCode()).isZero();
    }

    @Test
    void aResumeRefusesATableRecreatedByHand() throws Exception {
        assertThat(events("load").exitCode()).isZero();
        sql("DROP TABLE events");
        sql("CREATE TABLE events (LIKE " + ProgressTable.LOADS + ")");

        assertOneLineFailure(events("load", "--resume"), "cannot resume", "table events was not created by this load");
        assertThat(List.of(tableExists("events"))).containsExactly(true);
    }
}
