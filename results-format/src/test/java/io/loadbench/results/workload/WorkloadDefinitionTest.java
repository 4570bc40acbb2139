package io.loadbench.results.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.results.EnvironmentInfo;
import io.loadbench.results.ManifestReader;
import io.loadbench.results.Run;
import io.loadbench.results.RunKind;
import io.loadbench.results.RunManifest;
import io.loadbench.results.ToolInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload's record in a manifest: its hash is a format of its own, and it reads back from a saved run. */
class WorkloadDefinitionTest {

    private static final String SELECT = "\\set aid random(1, 10)\nSELECT :aid;\n";
    private static final WorkloadDefinition SCRIPTS = new WorkloadDefinition("sql-script", List.of(
            new WorkloadDefinition.Source("script", "select.sql", 9, SELECT),
            new WorkloadDefinition.Source("setup", "setup.sql", 0, "CREATE TABLE t (a);\n")));

    @TempDir
    Path results;

    @Test
    void theSetsHashIsTheDocumentedDigestOfKindRolesNamesWeightsAndTexts() {
        // computed outside Java: { printf 'sql-script\nscript\nselect.sql\n9\n36\n'; cat select.sql;
        //   printf 'setup\nsetup.sql\n0\n20\nCREATE TABLE t (a);\n'; } | sha256sum
        assertThat(SCRIPTS.sha256()).isEqualTo("2985859943ba5d94133e2810e508181fa6754fdeb1fa5ea11a3f2cd46307363b");
        // sha256sum of the script's file
        assertThat(SCRIPTS.sources().get(0).sha256()).isEqualTo("e5d7e960bebe5d6057b05a306f66b9d0411ca79435bb2be3345a2c7e03880023");
    }

    @Test
    void aScriptSavedWithWindowsLineEndingsIsTheSameWorkload() {
        WorkloadDefinition crlf = new WorkloadDefinition("sql-script", List.of(
                new WorkloadDefinition.Source("script", "select.sql", 9, SELECT.replace("\n", "\r\n")),
                new WorkloadDefinition.Source("setup", "setup.sql", 0, "CREATE TABLE t (a);\r\n")));

        assertThat(crlf.sha256()).isEqualTo(SCRIPTS.sha256());
    }

    @Test
    void anotherWeightOrNameIsAnotherWorkload() {
        WorkloadDefinition reweighted = new WorkloadDefinition("sql-script", List.of(
                new WorkloadDefinition.Source("script", "select.sql", 8, SELECT),
                new WorkloadDefinition.Source("setup", "setup.sql", 0, "CREATE TABLE t (a);\n")));
        WorkloadDefinition renamed = new WorkloadDefinition("sql-script", List.of(
                new WorkloadDefinition.Source("script", "read.sql", 9, SELECT),
                new WorkloadDefinition.Source("setup", "setup.sql", 0, "CREATE TABLE t (a);\n")));

        assertThat(reweighted.sha256()).isNotEqualTo(SCRIPTS.sha256());
        assertThat(renamed.sha256()).isNotEqualTo(SCRIPTS.sha256()).isNotEqualTo(reweighted.sha256());
    }

    @Test
    void theManifestKeepsEveryTextAndItsPlanTheFingerprintWhichReadsBack() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T06:22:18Z"), ZoneOffset.UTC);
        Run run = Run.start(results, "db", RunKind.GATLING, "gatling-sql-script", clock,
                new EnvironmentInfo("db", null, null, null, null, null, null), new ToolInfo("loadbench", "test", null));
        SCRIPTS.recordIn(run.manifest());
        run.succeeded();

        RunManifest saved = ManifestReader.read(run.dir().resolve(Run.MANIFEST_FILE));

        assertThat(saved.plan().get("workload")).isEqualTo(Map.of("kind", "sql-script", "sha256", SCRIPTS.sha256()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) ((Map<String, Object>) saved.parameters().get("workload"))
                .get("sources");
        assertThat(sources).extracting(source -> source.get("text")).containsExactly(SELECT, "CREATE TABLE t (a);\n");
        WorkloadDefinition.Fingerprint fingerprint = WorkloadDefinition.fingerprint(saved).orElseThrow();
        assertThat(fingerprint.kind()).isEqualTo("sql-script");
        assertThat(fingerprint.sha256()).isEqualTo(SCRIPTS.sha256());
        assertThat(fingerprint.sources()).containsExactly(
                Map.entry("script select.sql", SCRIPTS.sources().get(0).sha256()),
                Map.entry("setup setup.sql", SCRIPTS.sources().get(1).sha256()));
    }
}
