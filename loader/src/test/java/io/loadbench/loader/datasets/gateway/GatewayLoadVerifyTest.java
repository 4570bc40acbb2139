package io.loadbench.loader.datasets.gateway;

import io.loadbench.datastores.Datastores;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.run.DatasetLoader;
import io.loadbench.loader.spi.DropRefusedException;
import io.loadbench.loader.run.DatasetVerifier;
import io.loadbench.loader.run.LoadPlan;
import io.loadbench.loader.run.TableChecksums;
import io.loadbench.loader.run.VerificationResult;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The small gateway profile loaded into a private schema (embedded PostgreSQL, and the external one when
 * LOADBENCH_PG_URL is set): verify passes on a clean load and catches a deliberately orphaned row and a
 * broken distribution; two same-seed loads have equal checksums; drop removes only its e-mail domain.
 */
class GatewayLoadVerifyTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path runDir;

    private static GatewayDataset small(long seed) {
        return new GatewayDataset(seed, GatewaySettings.ofProfile(GatewayProfile.SMALL));
    }

    private void load(TestSchema schema, GatewayDataset dataset) throws Exception {
        new DatasetLoader(schema.connections(), schema.context(runDir), LoadListener.NONE, QUIET)
                .load(new LoadPlan(dataset, 1_000, 2, CopyEncoder.Format.BINARY), false);
    }

    private static void sql(TestSchema schema, String statement) throws Exception {
        try (Connection c = schema.open(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(TestSchema schema, String query) throws Exception {
        try (Connection c = schema.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static CheckResult.Line line(VerificationResult result, String check, String itemPrefix) {
        return result.results().stream().filter(r -> r.check().equals(check)).flatMap(r -> r.lines().stream())
                .filter(l -> l.item().startsWith(itemPrefix)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void aCleanLoadVerifiesAndSameSeedLoadsHaveEqualChecksums(Datastores target) throws Exception {
        Map<String, String> first = new LinkedHashMap<>();
        try (TestSchema schema = new TestSchema(target)) {
            GatewayDataset dataset = small(42);
            load(schema, dataset);
            VerificationResult result = DatasetVerifier.verify(dataset, schema.context(runDir));
            assertThat(result.passed()).as(result.failedChecks()).isTrue();
            try (Connection c = schema.open()) {
                for (TableSpec table : dataset.tables()) {
                    first.put(table.name(), TableChecksums.checksum(c, table.name()));
                }
            }
        }
        try (TestSchema schema = new TestSchema(target)) {
            GatewayDataset dataset = small(42);
            load(schema, dataset);
            try (Connection c = schema.open()) {
                for (TableSpec table : dataset.tables()) {
                    assertThat(TableChecksums.checksum(c, table.name())).as(table.name()).isEqualTo(first.get(table.name()));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void verifyCatchesADeliberatelyOrphanedRowAndABrokenDistribution(Datastores target) throws Exception {
        try (TestSchema schema = new TestSchema(target)) {
            GatewayDataset dataset = small(7);
            load(schema, dataset);
            // an orphan cannot be inserted while the foreign key holds: remove it, then orphan one member
            sql(schema, "ALTER TABLE gw_team_members DROP CONSTRAINT gw_team_members_team_id_fkey");
            sql(schema, "UPDATE gw_team_members SET team_id = 999999999 WHERE id = 2");
            // and flatten the 80/20 resource access into a uniform one
            sql(schema, "UPDATE gw_audit_logs SET resource_id = 1 + (id * 7919) % " + dataset.settings().resources());

            VerificationResult result = DatasetVerifier.verify(dataset, schema.context(runDir));

            assertThat(result.passed()).isFalse();
            CheckResult.Line orphans = line(result, "gateway foreign keys", "orphaned gw_team_members.team_id");
            assertThat(orphans.actual()).isEqualTo(1);
            assertThat(orphans.passed()).isFalse();
            CheckResult.Line access = line(result, "gateway distributions", "audit accesses on the top 20%");
            assertThat(access.actual()).isLessThan(30);
            assertThat(access.passed()).isFalse();
            assertThat(line(result, "gateway orphaned records", "teams without members").passed())
                    .as("team 2 lost its only member").isFalse();
            assertThat(line(result, "gateway uniqueness", "duplicate gw_users (email)").passed()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void dropRemovesOnlyTheRowsOfItsEmailDomain(Datastores target) throws Exception {
        try (TestSchema schema = new TestSchema(target)) {
            GatewayDataset dataset = small(3);
            load(schema, dataset);
            sql(schema, "INSERT INTO gw_users (id, email, full_name, is_admin, created_at)"
                    + " VALUES (1000000, 'keep.me@other.example.org', 'Keep Me', false, now())");
            DatasetLoader.drop(dataset, schema.connections(), schema.context(runDir));
            assertThat(count(schema, "SELECT count(*) FROM gw_users")).as("the other domain's user stays").isEqualTo(1);
            assertThat(count(schema, "SELECT count(*) FROM gw_team_members")).isZero();
            assertThat(count(schema, "SELECT count(*) FROM gw_resources")).isZero();

            // the load's rows and records are gone; what is left belongs to no recorded load, so a second drop refuses
            assertThatThrownBy(() -> DatasetLoader.drop(dataset, schema.connections(), schema.context(runDir)))
                    .isInstanceOf(DropRefusedException.class).hasMessageContaining("no recorded load of gateway");
            assertThat(count(schema, "SELECT count(*) FROM gw_users")).isEqualTo(1);
        }
    }
}
