package io.loadbench.loader.cli;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.datasets.events.EventsDefinition;
import io.loadbench.loader.datasets.events.EventsSettings;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.run.DatasetLoader;
import io.loadbench.loader.run.LoadPlan;
import io.loadbench.loader.run.TableChecksums;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.DatasetRegistry;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Done-when scenario end to end: a load in a separate JVM is killed with SIGKILL in the middle, then
 * {@code load --resume} in this JVM finishes it with every row exactly once and the checksum of an
 * uninterrupted load.
 */
class KillAndResumeTest {

    private static final int ROWS = 60_000;
    private static final int BATCH = 2_000;

    @TempDir
    Path results;

    @Test
    void killMinusNineThenResumeLoadsEveryRowExactlyOnceWithTheSameChecksum() throws Exception {
        Datastores embedded = TestDatastores.embedded();
        String expected = uninterruptedChecksum(embedded);
        PostgresEndpoint pg = embedded.postgres();
        String url = pg.jdbcUrlWithCredentials();
        List<String> plan = List.of("--rows", Integer.toString(ROWS), "--users", "1000", "--batch-size", Integer.toString(BATCH),
                "--workers", "1", "--pg-url", url, "--results", results.toString());
        try {
            ProcessBuilder child = new ProcessBuilder(concat(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LoaderMain.class.getName(), "load", "events"), plan))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = child.start();
            long atKill;
            try (Connection blocker = embedded.openPgConnection(); Statement s = blocker.createStatement()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (committedBatches(embedded) < 3 && process.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                // hold the child inside its next batch: its COPY goes through, its progress insert waits on this lock,
                // so the kill lands in the middle of a transaction, deterministically
                blocker.setAutoCommit(false);
                s.execute("LOCK TABLE public.loadbench_load_progress IN SHARE ROW EXCLUSIVE MODE");
                atKill = committedBatches(embedded);
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                blocker.rollback();
            }
            assertThat(atKill).as("batches committed when the child was killed").isBetween(3L, (long) ROWS / BATCH - 1);
            assertThat(committedBatches(embedded)).isEqualTo(atKill);
            assertThat(count(embedded, "SELECT count(*) FROM events")).isEqualTo(atKill * BATCH);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = new LoaderCli(DatasetRegistry.builtIn(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(OutputStream.nullOutputStream()), Map.of(), Clock.systemUTC(), false, () -> "kill-test")
                    .run(concat(List.of("load", "events", "--resume"), plan).toArray(String[]::new));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(code).as(printed).isZero();
            assertThat(printed).contains("already committed, skipped").contains("checksum events = " + expected);
            assertThat(count(embedded, "SELECT count(*) FROM events")).isEqualTo(ROWS);
            assertThat(count(embedded, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(ROWS);
        } finally {
            new LoaderCli(DatasetRegistry.builtIn(), new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(OutputStream.nullOutputStream()), Map.of(), Clock.systemUTC(), false, () -> "kill-test")
                    .run(concat(List.of("drop", "events"), plan).toArray(String[]::new));
        }
    }

    private static String uninterruptedChecksum(Datastores target) throws Exception {
        try (TestSchema schema = new TestSchema(target)) {
            var dataset = new EventsDefinition().create(new DatasetParameters(42, ROWS),
                    new EventsSettings(1_000, 90, LocalDate.of(2026, 10, 1)));
            new DatasetLoader(schema.connections(), schema.context(Path.of(".")), LoadListener.NONE,
                    new PrintStream(OutputStream.nullOutputStream()))
                    .load(new LoadPlan(dataset, BATCH, 2, CopyEncoder.Format.BINARY), false);
            try (Connection c = schema.open()) {
                return TableChecksums.checksum(c, "events");
            }
        }
    }

    private static long committedBatches(Datastores target) throws SQLException {
        if (count(target, "SELECT count(to_regclass('public.loadbench_load_progress'))") == 0) {
            return 0;
        }
        return count(target, "SELECT count(*) FROM public.loadbench_load_progress WHERE table_name = 'events'");
    }

    private static long count(Datastores target, String sql) throws SQLException {
        try (Connection c = target.openPgConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
