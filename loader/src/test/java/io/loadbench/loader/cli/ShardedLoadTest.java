package io.loadbench.loader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.datasets.events.EventsDefinition;
import io.loadbench.loader.datasets.events.EventsSettings;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.run.DatasetLoader;
import io.loadbench.loader.run.LoadPlan;
import io.loadbench.loader.run.TableChecksums;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharded loads through the real command line against the embedded PostgreSQL (named by URL, as shards on other
 * machines would name it), each test in a schema of its own: shards loaded at the same time and finished give the
 * table of a single-process load, a shard killed with {@code kill -9} and run again continues its slice, and the finish
 * step and the shards refuse what does not belong together, naming it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShardedLoadTest {

    private static final int ROWS = 20_000;
    private static final int BATCH = 1_000;
    private static final int USERS = 500;

    /** The checksum of a single-process load of the same rows. */
    private static String expected;

    @TempDir
    Path results;

    private TestSchema schema;
    private String pgUrl;

    @BeforeAll
    static void loadOnceInOneProcess() throws Exception {
        try (TestSchema single = new TestSchema(TestDatastores.embedded())) {
            var dataset = new EventsDefinition().create(new DatasetParameters(42, ROWS),
                    new EventsSettings(USERS, 90, LocalDate.of(2026, 10, 1)));
            new DatasetLoader(single.connections(), single.context(Path.of(".")), LoadListener.NONE,
                    new PrintStream(OutputStream.nullOutputStream()))
                    .load(new LoadPlan(dataset, BATCH, 2, CopyEncoder.Format.BINARY), false);
            try (Connection c = single.open()) {
                expected = TableChecksums.checksum(c, "events");
            }
        }
    }

    @BeforeEach
    void ownSchema() throws Exception {
        Datastores embedded = TestDatastores.embedded();
        schema = new TestSchema(embedded);
        pgUrl = embedded.postgres().jdbcUrlWithCredentials() + "&currentSchema=" + schema.name();
    }

    @AfterEach
    void dropSchema() throws Exception {
        schema.close();
    }

    private CliRun events(Map<String, String> env, String... more) {
        return CliRun.of(env, "shard-test", Stream.concat(Stream.of("load", "events", "--rows", "20K", "--users",
                Integer.toString(USERS), "--batch-size", Integer.toString(BATCH), "--pg-url", pgUrl, "--results",
                results.toString()), Stream.of(more)).toArray(String[]::new));
    }

    private CliRun events(String... more) {
        return events(Map.of(), more);
    }

    private static void assertOneLineFailure(CliRun o, String... fragments) {
        assertThat(o.exitCode()).as("exit code; stdout %s stderr %s", o.out(), o.err()).isEqualTo(1);
        assertThat(o.errLines()).as("stderr").hasSize(1);
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

    private long indexesOfEvents() throws Exception {
        return count("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'events'");
    }

    /** {@code file} of the latest run folder whose name holds {@code what} (names sort by start, a same-second one gets -2). */
    private JsonNode json(String what, String file) throws Exception {
        try (Stream<Path> folders = Files.list(results)) {
            Path folder = folders.filter(p -> p.getFileName().toString().contains(what))
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString())).orElseThrow();
            return new ObjectMapper().readTree(folder.resolve(file).toFile());
        }
    }

    private static String printed(CliRun run, String prefix) {
        return run.out().lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError("no line starting '" + prefix + "' in:\n" + run.out())).substring(prefix.length());
    }

    @Test
    void twoShardsLoadedAtOnceThenFinishedGiveTheTableOfASingleProcessLoad() throws Exception {
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> events("--shard", "0/2", "--workers", "1"));
        CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> events("--shard", "1/2", "--workers", "2"));
        CliRun shard0 = first.get(120, TimeUnit.SECONDS);
        CliRun shard1 = second.get(120, TimeUnit.SECONDS);
        assertThat(shard0.exitCode()).as(shard0.out() + shard0.err()).isZero();
        assertThat(shard1.exitCode()).as(shard1.out() + shard1.err()).isZero();
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(ROWS);
        assertThat(indexesOfEvents()).as("shards build no keys or indexes").isZero();
        String slice0 = printed(shard0, "checksum events (shard 0/2) = ");
        String slice1 = printed(shard1, "checksum events (shard 1/2) = ");
        assertThat(TableChecksums.add(slice0, slice1)).as("the slices add up to the single-process table").isEqualTo(expected);

        CliRun finish = events("--finish");
        assertThat(finish.exitCode()).as(finish.out() + finish.err()).isZero();
        assertThat(finish.out()).contains("checksum events = " + expected + " (the sum of its 2 shards' slices)");
        assertThat(indexesOfEvents()).as("the finish step built the primary key and the indexes").isPositive();

        JsonNode shardManifest = json("-load-events-shard-1-of-2", "manifest.json");
        String loadId = shardManifest.path("parameters").path("loadId").asText();
        assertThat(shardManifest.path("parameters").path("shard").path("index").asInt()).isEqualTo(1);
        assertThat(shardManifest.path("parameters").path("shard").path("count").asInt()).isEqualTo(2);
        assertThat(shardManifest.path("parameters").path("runId").asText()).as("the default run id is the load id").isEqualTo(loadId);
        assertThat(shardManifest.path("parameters").path("podUid").isNull()).isTrue();
        JsonNode shardReport = json("-load-events-shard-1-of-2", "load.json");
        assertThat(shardReport.path("verification").path("status").asText()).isEqualTo("SKIPPED");
        assertThat(shardReport.path("tables").get(0).path("rows").asLong()).isEqualTo(ROWS / 2);
        assertThat(shardReport.path("tables").get(0).path("checksum").asText()).isEqualTo(slice1);

        JsonNode finishManifest = json("-load-events-finish", "manifest.json");
        assertThat(finishManifest.path("status").asText()).isIn("OK", "NOISY");
        assertThat(finishManifest.path("parameters").path("shard").isNull()).isTrue();
        assertThat(finishManifest.path("parameters").path("shardCount").asInt()).isEqualTo(2);
        assertThat(finishManifest.path("parameters").path("runId").asText()).isEqualTo(loadId);
        JsonNode whole = json("-load-events-finish", "load.json");
        assertThat(whole.path("verification").path("status").asText()).isEqualTo("PASSED");
        assertThat(whole.path("tables").get(0).path("rowsLoaded").asLong()).isEqualTo(ROWS);
        assertThat(whole.path("tables").get(0).path("checksum").asText()).isEqualTo(expected);
        assertThat(whole.path("tables").get(0).path("workers")).as("one entry per shard").hasSize(2);
        assertThat(events("--finish").exitCode()).as("the finish step may run again").isZero();
    }

    @Test
    void oneAndThreeShardsGiveTheChecksumOfASingleProcessLoadToo() throws Exception {
        for (int count : new int[] {1, 3}) {
            List<String> slices = new java.util.ArrayList<>();
            for (int index = 0; index < count; index++) {
                CliRun shard = events("--shard", index + "/" + count, "--run-id", "three-" + count);
                assertThat(shard.exitCode()).as(shard.out() + shard.err()).isZero();
                slices.add(printed(shard, "checksum events (shard " + index + "/" + count + ") = "));
            }
            assertThat(slices.stream().reduce(TableChecksums::add).orElseThrow()).as("%d shard(s)", count).isEqualTo(expected);
            CliRun finish = events("--finish", "--run-id", "three-" + count);
            assertThat(finish.exitCode()).as(finish.out() + finish.err()).isZero();
            assertThat(finish.out()).contains("checksum events = " + expected);
            assertThat(count("SELECT count(*) FROM events")).isEqualTo(ROWS);
            CliRun drop = CliRun.of(Map.of(), "shard-test", "drop", "events", "--pg-url", pgUrl);
            assertThat(drop.exitCode()).as(drop.out() + drop.err()).isZero();
        }
    }

    @Test
    void theFinishRefusesAShardThatHasNotRunOrIsIncompleteNamingIt() throws Exception {
        assertOneLineFailure(events("--finish"), "cannot finish events: no shard of its load", "--shard I/N");

        assertThat(events("--shard", "0/2").exitCode()).isZero();
        CliRun finish = events("--finish");
        assertOneLineFailure(finish, "cannot finish events: shard 1/2 has not run", "--shard I/2");
        assertThat(json("-load-events-finish", "manifest.json").path("status").asText()).isEqualTo("FAILED");
        assertThat(indexesOfEvents()).as("nothing was built").isZero();

        assertThat(events("--shard", "1/2").exitCode()).isZero();
        try (Connection c = schema.open(); Statement s = c.createStatement()) {
            // as if shard 1 had been killed after its last batch and before recording its end
            s.execute("UPDATE loadbench_load_shards SET completed_at = NULL, checksums = NULL WHERE shard_index = 1");
        }
        assertOneLineFailure(events("--finish"), "shard 1/2 is incomplete", "10 of 10 batches committed");

        CliRun again = events("--shard", "1/2");
        assertThat(again.out()).contains("10 already committed, skipped").contains("(attempt 2)");
        try (Connection c = schema.open(); Statement s = c.createStatement()) {
            // a row changed behind the shards' back: same count, same distributions, another checksum
            s.execute("UPDATE events SET page_url = page_url || '?changed' WHERE event_id = (SELECT min(event_id) FROM events)");
        }
        assertOneLineFailure(events("--finish"), "the shards do not add up", "table events has checksum",
                "not the sum", "of its 2 shards' slices");
    }

    @Test
    void aShardOfAnotherPlanShardCountOrRunIsRefusedAndLoadsNothing() throws Exception {
        assertThat(events("--shard", "0/2").exitCode()).isZero();

        assertOneLineFailure(events("--shard", "1/2", "--seed", "7"), "shard 1/2 refused", "a load of another plan", "--seed");
        assertOneLineFailure(events("--shard", "1/3"), "shard 1/3 refused", "being loaded in 2 shards");
        assertOneLineFailure(events("--shard", "1/2", "--run-id", "another-run"), "shard 1/2 refused", "belongs to run",
                "another-run", "--run-id");
        assertOneLineFailure(events(), "already exists", "drop events");
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(ROWS / 2);
    }

    @Test
    void killMinusNineOfAShardThenRunningItsIndexAgainGivesTheSameChecksum() throws Exception {
        assertThat(events("--shard", "0/2").exitCode()).isZero();
        String application = "kill-" + schema.name();
        List<String> child = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LoaderMain.class.getName(), "load", "events", "--rows", "20K",
                "--users", Integer.toString(USERS), "--batch-size", Integer.toString(BATCH), "--workers", "1",
                "--pg-url", pgUrl + "&ApplicationName=" + application, "--results", results.toString());
        ProcessBuilder builder = new ProcessBuilder(child).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // the Indexed Job's contract: the index from Kubernetes, the count and the pod from the launcher
        builder.environment().put("JOB_COMPLETION_INDEX", "1");
        builder.environment().put("LB_SHARD_COUNT", "2");
        builder.environment().put("POD_UID", "pod-attempt-1");
        Process process = builder.start();
        long atKill;
        try (Connection blocker = schema.open(); Statement s = blocker.createStatement()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (shardOneBatches() < 3 && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // hold the child inside its next batch (its COPY goes through, its progress insert waits on this lock),
            // so the kill lands in the middle of a transaction
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE loadbench_load_progress IN SHARE ROW EXCLUSIVE MODE");
            atKill = shardOneBatches();
            assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'"))
                    .as("the child's sessions are recognisable").isPositive();
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            blocker.rollback();
        } finally {
            process.destroyForcibly();
        }
        assertThat(atKill).as("shard 1's batches committed when it was killed").isBetween(3L, ROWS / BATCH / 2 - 1L);
        awaitGone(application);
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(ROWS / 2 + atKill * BATCH);
        assertOneLineFailure(events("--finish"), "shard 1/2 is incomplete", "attempt 1", "in pod pod-attempt-1",
                atKill + " of 10 batches committed");

        Map<String, String> retried = new HashMap<>(Map.of("JOB_COMPLETION_INDEX", "1", "LB_SHARD_COUNT", "2",
                "POD_UID", "pod-attempt-2"));
        CliRun again = events(retried);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains(atKill + " already committed, skipped").contains("(attempt 2)");
        CliRun finish = events("--finish");
        assertThat(finish.exitCode()).as(finish.out() + finish.err()).isZero();
        assertThat(finish.out()).contains("checksum events = " + expected);
        assertThat(count("SELECT count(DISTINCT event_id) FROM events")).isEqualTo(ROWS);
        JsonNode shards = json("-load-events-finish", "manifest.json").path("parameters").path("shards");
        assertThat(shards.get(1).path("attempts").asInt()).isEqualTo(2);
        assertThat(shards.get(1).path("podUid").asText()).isEqualTo("pod-attempt-2");
    }

    @Test
    void planShowsTheSliceOfAShardGivenByTheEnvironment() {
        CliRun plan = CliRun.of(Map.of("JOB_COMPLETION_INDEX", "1", "LB_SHARD_COUNT", "3"), "shard-test",
                "plan", "events", "--rows", "20K", "--users", "500", "--batch-size", "1000");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("shard 1/3: the batches b with b mod 3 = 1");
        assertThat(plan.out()).containsPattern("events\\s+7,000\\s+7\\s");
    }

    @Test
    void aShardIndexWithoutACountIsRefusedNamingTheVariable() {
        CliRun plan = CliRun.of(Map.of("JOB_COMPLETION_INDEX", "1"), "shard-test", "plan", "events", "--rows", "20K");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.errLines()).hasSize(1);
        assertThat(plan.err()).contains("JOB_COMPLETION_INDEX").contains("LB_SHARD_COUNT is not");
        CliRun embedded = CliRun.of(Map.of(), "shard-test", "load", "events", "--rows", "20K", "--shard", "0/2",
                "--results", results.toString());
        assertThat(embedded.exitCode()).isEqualTo(2);
        assertThat(embedded.err()).contains("'--shard'").contains("needs a PostgreSQL server that every shard reaches");
    }

    /** Batches of shard 1 (odd batch numbers) committed so far. */
    private long shardOneBatches() throws Exception {
        if (count("SELECT count(to_regclass('loadbench_load_progress'))") == 0) {
            return 0;
        }
        return count("SELECT count(*) FROM loadbench_load_progress WHERE table_name = 'events' AND batch_no % 2 = 1");
    }

    /** Waits until the killed process's sessions are gone (the server notices the closed sockets), at most 30 s. */
    private void awaitGone(String application) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'") > 0) {
            assertThat(System.nanoTime()).as("the killed shard's sessions end").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
