package io.loadbench.loader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, run in-process through its single entry point with stdout and stderr captured. */
class LoaderCliTest {

    @TempDir
    Path results;

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), "test-host", args);
    }

    private static void assertOneLineError(CliRun o, int exitCode, String... fragments) {
        assertThat(o.exitCode()).as("exit code; stderr: %s", o.err()).isEqualTo(exitCode);
        assertThat(o.errLines()).as("stderr").hasSize(1);
        assertThat(o.err()).doesNotContain("\tat ").doesNotContain("Exception");
        for (String fragment : fragments) {
            assertThat(o.err()).contains(fragment);
        }
    }

    @Test
    void anUnknownDatasetIsNamedWithTheAvailableOnes() {
        assertOneLineError(run("load", "nosuchdata", "--rows", "1M"), 2, "unknown dataset 'nosuchdata'", "events");
    }

    @Test
    void aMisspeltOptionIsNamedWithWhatItProbablyMeant() {
        assertOneLineError(run("load", "events", "--rowz", "1M"), 2, "unknown option --rowz; did you mean --rows?");
    }

    @Test
    void zeroRowsAreRejectedNamingTheOption() {
        assertOneLineError(run("load", "events", "--rows", "0"), 2, "--rows", "positive");
    }

    @Test
    void aNegativeBatchSizeIsRejectedNamingTheOption() {
        assertOneLineError(run("load", "events", "--batch-size", "-5"), 2, "--batch-size", "-5");
    }

    @Test
    void aMalformedUrlIsRejectedWithItsPasswordMasked() {
        CliRun o = run("load", "events", "--rows", "1K", "--pg-url", "postgres//db:5432?password=hunter2");
        assertOneLineError(o, 2, "--pg-url");
        assertThat(o.err() + o.out()).doesNotContain("hunter2");
    }

    @Test
    void anUnreachableHostGivesOneLineNamingHostAndPort() {
        CliRun o = run("load", "events", "--rows", "1K", "--results", results.toString(),
                "--pg-url", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2");
        assertOneLineError(o, 1, "127.0.0.1:1");
        assertThat(o.err() + o.out()).doesNotContain("hunter2");
    }

    @Test
    void aWrongPasswordGivesOneLineWithThePasswordMasked() throws Exception {
        try (FakePasswordCheckingPostgres server = new FakePasswordCheckingPostgres()) {
            CliRun o = run("load", "events", "--rows", "1K", "--results", results.toString(),
                    "--pg-url", "jdbc:postgresql://127.0.0.1:" + server.port() + "/test?user=loader&password=hunter2");
            assertOneLineError(o, 1, "127.0.0.1:" + server.port(), "password");
            assertThat(o.err() + o.out()).doesNotContain("hunter2");
        }
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun o = run("load", "events", "--rows", "0", "--verbose");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("--rows").contains("\tat ");
    }

    @Test
    void rowCountsAcceptTheUsualSpellings() {
        assertThat(RowCounts.parse("--rows", "1M")).isEqualTo(1_000_000);
        assertThat(RowCounts.parse("--rows", "20M")).isEqualTo(20_000_000);
        assertThat(RowCounts.parse("--rows", "100m")).isEqualTo(100_000_000);
        assertThat(RowCounts.parse("--rows", "1_000_000")).isEqualTo(1_000_000);
        assertThat(RowCounts.parse("--rows", "250K")).isEqualTo(250_000);
        assertThat(RowCounts.parse("--rows", "1.5M")).isEqualTo(1_500_000);
    }

    @Test
    void helpExplainsEverySharedOptionWithItsDefault() {
        CliRun o = run("load", "events", "--help");
        assertThat(o.exitCode()).isZero();
        for (String option : List.of("--pg-url", "--redis-url", "--target", "--seed", "--rows", "--batch-size", "--workers",
                "--format", "--label", "--results", "--resume", "--verbose", "--users", "--days")) {
            assertThat(o.out()).contains(option);
        }
        String help = o.out().replaceAll("\\s+", " ");
        assertThat(help).contains("default: 50000").contains("default: 10000").contains("default: binary")
                .contains("20% of them create 80%");
        assertThat(o.err()).isEmpty();
    }

    @Test
    void planPrintsRowsBytesAndTimeWithoutADatabase() {
        CliRun o = run("plan", "events", "--rows", "20M", "--pg-url", "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("20,000,000").contains("estimated time").contains("load id: events-");
    }

    @Test
    void datasetsListsEventsWithItsOptions() {
        CliRun o = run("datasets");
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("events").contains("--users").contains("10000");
    }

    @Test
    void loadVerifyAndDropThroughTheCommandLine() throws Exception {
        Datastores embedded = TestDatastores.embedded();
        PostgresEndpoint pg = embedded.postgres();
        String url = pg.jdbcUrlWithCredentials();
        String[] plan = {"--rows", "10K", "--users", "500", "--batch-size", "1000", "--pg-url", url, "--results", results.toString(),
                "--label", "cli-test"};
        try {
            CliRun load = run(concat(new String[]{"load", "events"}, plan));
            assertThat(load.exitCode()).as(load.out() + load.err()).isZero();
            assertThat(load.out()).contains("checksum events = 10000:");
            Path runFolder;
            try (Stream<Path> folders = Files.list(results)) {
                runFolder = folders.filter(p -> p.getFileName().toString().endsWith("-cli-test-load-events")).findFirst().orElseThrow();
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode manifest = json.readTree(runFolder.resolve("manifest.json").toFile());
            // NOISY when the shared machine is busy: the load succeeded either way (LoadBesideACpuHogTest judges noise)
            assertThat(manifest.path("status").asText()).isIn("OK", "NOISY");
            assertThat(manifest.path("schemaVersion").asInt()).isEqualTo(2);
            assertThat(manifest.path("noise").path("thresholds").isObject()).as("noise recorded").isTrue();
            JsonNode report = json.readTree(runFolder.resolve("load.json").toFile());
            assertThat(report.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(report.path("tables").get(0).path("rowsLoaded").asLong()).isEqualTo(10_000);
            assertThat(report.path("tables").get(0).path("workers")).hasSize(2);
            assertThat(report.path("verification").path("status").asText()).isEqualTo("PASSED");

            CliRun again = run(concat(new String[]{"load", "events"}, plan));
            assertOneLineError(again, 1, "already exists", "drop events");

            CliRun verify = run(concat(new String[]{"verify", "events"}, plan));
            assertThat(verify.exitCode()).as(verify.err()).isZero();
            assertThat(verify.out()).contains(report.path("tables").get(0).path("checksum").asText());
        } finally {
            CliRun drop = run(concat(new String[]{"drop", "events"}, plan));
            assertThat(drop.exitCode()).as(drop.err()).isZero();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
