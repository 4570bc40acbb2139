package io.loadbench.loader.run;

import io.loadbench.datastores.Datastores;
import io.loadbench.loader.datasets.events.EventsDefinition;
import io.loadbench.loader.datasets.events.EventsSettings;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.sink.postgres.CopyLoadException;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.sink.postgres.ProgressTable;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loads of a small events dataset (20,000 rows, 10 batches) into a private schema: determinism across
 * workers and formats, resume after a failed batch and after a lost connection, refusals, verification.
 */
class DatasetLoaderTest {

    private static final int ROWS = 20_000;
    private static final int BATCH = 2_000;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path runDir;

    private static Dataset events(long seed) {
        return new EventsDefinition().create(new DatasetParameters(seed, ROWS), new EventsSettings(1_000, 90, LocalDate.of(2026, 10, 1)));
    }

    private DatasetLoader loader(TestSchema schema, LoadListener listener) {
        return new DatasetLoader(schema.connections(), schema.context(runDir), listener, QUIET);
    }

    private static String checksum(TestSchema schema) throws SQLException {
        try (Connection c = schema.open()) {
            return TableChecksums.checksum(c, "events");
        }
    }

    private static long count(TestSchema schema, String sql) throws SQLException {
        try (Connection c = schema.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String uninterruptedChecksum(Datastores target, long seed) throws Exception {
        try (TestSchema schema = new TestSchema(target)) {
            loader(schema, LoadListener.NONE).load(new LoadPlan(events(seed), BATCH, 1, CopyEncoder.Format.BINARY), false);
            return checksum(schema);
        }
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void sameSeedGivesTheSameChecksumWithOneOrTwoWorkersAndEitherFormat(Datastores target) throws Exception {
        String oneWorkerBinary = uninterruptedChecksum(target, 42);
        try (TestSchema schema = new TestSchema(target)) {
            loader(schema, LoadListener.NONE).load(new LoadPlan(events(42), BATCH, 2, CopyEncoder.Format.TEXT), false);
            assertThat(checksum(schema)).isEqualTo(oneWorkerBinary).startsWith(ROWS + ":");
        }
        assertThat(uninterruptedChecksum(target, 43)).as("another seed, other data").isNotEqualTo(oneWorkerBinary);
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void resumeAfterAFailedBatchLoadsEveryRowExactlyOnce(Datastores target) throws Exception {
        String expected = uninterruptedChecksum(target, 42);
        try (TestSchema schema = new TestSchema(target)) {
            AtomicInteger committed = new AtomicInteger();
            LoadListener failAfterThree = (table, batchNo, rows, bytes, worker) -> {
                if (committed.incrementAndGet() == 3) {
                    throw new IllegalStateException("simulated crash after 3 batches");
                }
            };
            LoadPlan plan = new LoadPlan(events(42), BATCH, 2, CopyEncoder.Format.BINARY);
            assertThatThrownBy(() -> loader(schema, failAfterThree).load(plan, false))
                    .isInstanceOf(CopyLoadException.class).hasMessageContaining("events").hasMessageContaining("simulated crash");
            long recorded = count(schema, "SELECT count(*) FROM " + ProgressTable.PROGRESS);
            assertThat(recorded).isBetween(3L, 9L);
            assertThat(count(schema, "SELECT count(*) FROM events")).as("rows match the recorded batches").isEqualTo(recorded * BATCH);

            DatasetLoader.Outcome resumed = loader(schema, LoadListener.NONE).load(plan, true);
            assertThat(resumed.tables().get(0).skippedBatches()).isEqualTo(recorded);
            assertThat(resumed.tables().get(0).rows()).isEqualTo(ROWS - recorded * BATCH);
            assertThat(count(schema, "SELECT count(*) FROM events")).isEqualTo(ROWS);
            assertThat(count(schema, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(ROWS);
            assertThat(checksum(schema)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void resumeAfterALostConnectionLoadsEveryRowExactlyOnce(Datastores target) throws Exception {
        String expected = uninterruptedChecksum(target, 42);
        try (TestSchema schema = new TestSchema(target)) {
            AtomicInteger committed = new AtomicInteger();
            // after two batches, the server drops this load's connections, as a network failure or a restart would
            LoadListener cutTheLine = (table, batchNo, rows, bytes, worker) -> {
                if (committed.incrementAndGet() == 2) {
                    try (Connection admin = target.openPgConnection(); Statement s = admin.createStatement()) {
                        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                                + schema.name() + "' AND pid <> pg_backend_pid()");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            LoadPlan plan = new LoadPlan(events(42), BATCH, 2, CopyEncoder.Format.BINARY);
            assertThatThrownBy(() -> loader(schema, cutTheLine).load(plan, false)).isInstanceOf(CopyLoadException.class);
            long recorded = count(schema, "SELECT count(*) FROM " + ProgressTable.PROGRESS);
            assertThat(count(schema, "SELECT count(*) FROM events")).isEqualTo(recorded * BATCH);
            assertThat(recorded).isLessThan(ROWS / BATCH);

            loader(schema, LoadListener.NONE).load(plan, true);
            assertThat(count(schema, "SELECT count(*) FROM events")).isEqualTo(ROWS);
            assertThat(checksum(schema)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void aPreparationLoadReloadsATableDroppedByHandWhereResumeRefuses(Datastores target) throws Exception {
        try (TestSchema schema = new TestSchema(target)) {
            LoadPlan plan = new LoadPlan(events(42), BATCH, 2, CopyEncoder.Format.BINARY);
            loader(schema, LoadListener.NONE).load(plan, false);
            String loaded = checksum(schema);
            try (Connection c = schema.open(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE events CASCADE");
            }
            assertThatThrownBy(() -> loader(schema, LoadListener.NONE).load(plan, DatasetLoader.Mode.RESUME))
                    .isInstanceOf(TargetNotEmptyException.class).hasMessageStartingWith("cannot resume: batches are recorded");

            java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
            DatasetLoader.Outcome reloaded = new DatasetLoader(schema.connections(), schema.context(runDir), LoadListener.NONE,
                    new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)).load(plan, DatasetLoader.Mode.RESUME_RELOADING_DROPPED);

            assertThat(reloaded.tables().get(0).rows()).as("every row loaded again").isEqualTo(ROWS);
            assertThat(checksum(schema)).isEqualTo(loaded);
            assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("note: cleared stale load records of events");
            assertThat(DatasetVerifier.verify(events(42), schema.context(runDir)).passed()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void aLoadRefusesExistingTablesUnlessResumingTheSamePlan(Datastores target) throws Exception {
        try (TestSchema schema = new TestSchema(target)) {
            loader(schema, LoadListener.NONE).load(new LoadPlan(events(42), BATCH, 2, CopyEncoder.Format.BINARY), false);
            assertThatThrownBy(() -> loader(schema, LoadListener.NONE).load(new LoadPlan(events(42), BATCH, 2, CopyEncoder.Format.BINARY), false))
                    .isInstanceOf(TargetNotEmptyException.class).hasMessageContaining("table events already exists")
                    .hasMessageContaining("drop events");
            assertThatThrownBy(() -> loader(schema, LoadListener.NONE).load(new LoadPlan(events(7), BATCH, 2, CopyEncoder.Format.BINARY), true))
                    .isInstanceOf(TargetNotEmptyException.class).hasMessageContaining("different plan");
            // resuming a finished load of the same plan loads nothing and changes nothing
            DatasetLoader.Outcome again = loader(schema, LoadListener.NONE).load(new LoadPlan(events(42), BATCH, 1, CopyEncoder.Format.TEXT), true);
            assertThat(again.tables().get(0).rows()).isZero();
            assertThat(count(schema, "SELECT count(*) FROM events")).isEqualTo(ROWS);

            DatasetLoader.drop(events(42), schema.connections(), schema.context(runDir));
            assertThat(count(schema, "SELECT count(*) FROM " + ProgressTable.PROGRESS)).isZero();
            assertThat(count(schema, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'events%'")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void verificationPassesOnALoadAndCatchesABrokenDistribution(Datastores target) throws Exception {
        try (TestSchema schema = new TestSchema(target)) {
            Dataset dataset = events(42);
            loader(schema, LoadListener.NONE).load(new LoadPlan(dataset, BATCH, 2, CopyEncoder.Format.BINARY), false);
            VerificationResult good = DatasetVerifier.verify(dataset, schema.context(runDir));
            assertThat(good.passed()).as(good.failedChecks()).isTrue();
            assertThat(good.checksums()).containsEntry("events", checksum(schema));

            try (Connection c = schema.open(); Statement s = c.createStatement()) {
                s.execute("UPDATE events SET device_type = 'desktop' WHERE device_type = 'tablet'");
            }
            VerificationResult broken = DatasetVerifier.verify(dataset, schema.context(runDir));
            assertThat(broken.passed()).isFalse();
            assertThat(broken.failedChecks()).isEqualTo("device share");
            CheckResult device = broken.results().stream().filter(r -> r.check().equals("device share")).findFirst().orElseThrow();
            assertThat(device.lines()).filteredOn(l -> !l.passed()).extracting(CheckResult.Line::item).contains("tablet");
        }
    }
}
