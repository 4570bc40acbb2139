package io.loadbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class BenchmarksMainTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return runAgainst(null, arguments);
    }

    private int runAgainst(String pgUrl, String... arguments) {
        SuiteSettings settings = new SuiteSettings(temp.resolve("results"), "test-bench", null, pgUrl, null, false, true,
                Map.of());
        return new BenchmarksMain(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(List.of(arguments));
    }

    @Test
    void listingWithParametersStartsNothingAndMakesNoRunFolder() {
        int status = run("-lp");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("io.loadbench.benchmarks.redis.RedisPipelineBenchmark.pipelined")
                .contains("param \"commandsPerPipeline\" = {10, 100, 1000}");
        assertThat(temp.resolve("results")).doesNotExist();
    }

    @Test
    void aPatternMatchingNoBenchmarkIsOneLineAndMakesNoRunFolder() {
        int status = run("NoSuchBenchmark");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("jmh:run: no benchmark matches [NoSuchBenchmark] (list them with -Djmh.args=-l)");
        assertThat(temp.resolve("results")).doesNotExist();
    }

    @Test
    void aServerThatIsDownEndsTheRunFolderFailedWithTheReason() throws Exception {
        int status = runAgainst("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2", "CopyBenchmark");

        assertThat(status).isEqualTo(1);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("127.0.0.1:1").doesNotContain("hunter2").doesNotContain("\tat ");
        Path runFolder;
        try (Stream<Path> folders = Files.list(temp.resolve("results"))) {
            runFolder = folders.findFirst().orElseThrow();
        }
        JsonNode manifest = new ObjectMapper().readTree(runFolder.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).contains("127.0.0.1:1");
        assertThat(Files.readString(runFolder.resolve("manifest.json"))).doesNotContain("hunter2");
    }

    /** A password holding every URL delimiter, and its URL-encoded form. */
    private static final String RAW_PASSWORD = "p@ss/w?r#d:%";
    private static final String ENCODED_PASSWORD = "p%40ss%2Fw%3Fr%23d%3A%25";

    @Test
    @Timeout(120)
    void aPasswordWithUrlDelimitersReachesNeitherTheRunFolderNorTheOutput() throws Exception {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + ENCODED_PASSWORD,
                "postgresql://postgres:" + ENCODED_PASSWORD + "@127.0.0.1:1/test")) {
            int status = runAgainst(url, "CopyBenchmark");
            assertThat(status).as(url).isEqualTo(1);
        }

        List<String> captured = new java.util.ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)));
        try (Stream<Path> files = Files.walk(temp.resolve("results"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                captured.add(file + ": " + Files.readString(file));
            }
        }
        assertThat(captured).hasSizeGreaterThan(2);
        assertThat(String.join("\n", captured)).contains("127.0.0.1:1")
                .doesNotContain(RAW_PASSWORD).doesNotContain(ENCODED_PASSWORD).doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @Test
    @Timeout(180)
    void aPasswordInTheTargetUrlIsMaskedInJmhJsonAndInJmhsOutput() throws Exception {
        // the embedded servers require passwords: a role of this test's own carries the password under test
        io.loadbench.datastores.Datastores embedded = io.loadbench.datastores.testing.TestDatastores.embedded();
        io.loadbench.datastores.PostgresEndpoint postgres = embedded.postgres();
        io.loadbench.datastores.RedisEndpoint redis = embedded.redis();
        try (java.sql.Connection admin = embedded.openPgConnection(); java.sql.Statement sql = admin.createStatement()) {
            sql.execute("DROP ROLE IF EXISTS lb_secret_test");
            sql.execute("CREATE ROLE lb_secret_test LOGIN SUPERUSER PASSWORD '" + RAW_PASSWORD.replace("'", "''") + "'");
        }
        String pgUrl = postgres.jdbcUrl() + "?user=lb_secret_test&password=" + ENCODED_PASSWORD;
        String redisUrl = redis.urlWithCredentials();
        SuiteSettings settings = new SuiteSettings(temp.resolve("results"), "test-bench", null, pgUrl,
                redisUrl, false, true, Map.of());
        // an external target reaches the forks as the launcher's -D options, which JMH copies into jmh.json
        String forkArguments = "-Dloadbench.pg.url=" + pgUrl + " -Dloadbench.redis.url=" + redisUrl;
        int status = new BenchmarksMain(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(List.of(
                "RedisPipelineBenchmark.roundTrips", "-p", "variant=STRING", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
                "-jvmArgsAppend", forkArguments));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> captured = new java.util.ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)));
        try (Stream<Path> files = Files.walk(temp.resolve("results"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                captured.add(file + ": " + Files.readString(file));
            }
        }
        String everything = String.join("\n", captured);
        assertThat(everything).as("JMH wrote the forks' arguments").contains("jmh.json").contains("-Dloadbench.pg.url=")
                .contains("password=****");
        assertThat(everything).doesNotContain(RAW_PASSWORD).doesNotContain(ENCODED_PASSWORD)
                .doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @Test
    void aBadJmhOptionIsOneLine() {
        int status = run("-i", "many");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("jmh:run: invalid JMH option:")
                .doesNotContain("\n");
    }

    @Test
    void aRunWritesJmhJsonAndAnOkManifestIntoItsRunFolder() throws Exception {
        long self = ProcessHandle.current().pid();
        java.util.Optional<List<Integer>> cpus = io.loadbench.datastores.CpuIsolation.affinity(self);
        int status;
        try {
            status = run("RedisPipelineBenchmark.roundTrips", "-p", "variant=STRING",
                    "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms");
        } finally {
            // the suite pinned this JVM to half the CPUs (embedded target, isolation on): the other tests get them back
            cpus.ifPresent(all -> io.loadbench.datastores.CpuIsolation.pin(self, all));
        }

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path runFolder;
        try (Stream<Path> folders = Files.list(temp.resolve("results"))) {
            runFolder = folders.filter(p -> p.getFileName().toString().endsWith("-test-bench-jmh"))
                    .findFirst().orElseThrow();
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(runFolder.resolve("manifest.json").toFile());
        // NOISY when the shared machine is busy: the suite succeeded either way
        assertThat(manifest.path("status").asText()).isIn("OK", "NOISY");
        assertThat(manifest.path("noise").path("thresholds").isObject()).as("noise recorded").isTrue();
        assertThat(manifest.path("kind").asText()).isEqualTo("jmh");
        assertThat(manifest.path("files").toString()).contains("jmh.json");
        assertThat(manifest.path("plan").path("parameterOverrides").path("variant").toString()).isEqualTo("[\"STRING\"]");
        assertThat(manifest.path("target").path("redis").path("version").asText()).isNotBlank();
        JsonNode isolation = manifest.path("parameters").path("cpuIsolation");
        if (cpus.isPresent() && cpus.get().size() >= 2) {
            assertThat(isolation.path("applied").asBoolean()).as(isolation.toString()).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("CPU isolation: servers on CPU " + isolation.path("serverCpus").asText());
        } else {
            assertThat(isolation.path("reason").asText()).isNotBlank();
        }

        JsonNode results = json.readTree(runFolder.resolve("jmh.json").toFile());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("benchmark").asText())
                .isEqualTo("io.loadbench.benchmarks.redis.RedisPipelineBenchmark.roundTrips");
        assertThat(results.get(0).path("primaryMetric").path("score").asDouble()).isPositive();
        // JMH copied the forks' arguments, the target's URLs with their password, into jmh.json: masked there and in its output
        assertThat(results.get(0).path("jvmArgs").toString()).contains("-Dloadbench.pg.url=");
        java.util.regex.Pattern unmasked = java.util.regex.Pattern.compile("password=(?!\\*{4})|://[^/@\\s:]*:(?!\\*{4})[^/@\\s]+@");
        for (String text : List.of(Files.readString(runFolder.resolve("jmh.json")), out.toString(StandardCharsets.UTF_8))) {
            assertThat(unmasked.matcher(text).find()).as("an unmasked password in %s", text).isFalse();
        }
    }

    @Test
    void aBenchmarkThatThrowsFailsTheRunAndTheManifestSaysWhy() throws Exception {
        int status = run("EventsCopyBenchmark", "-p", "rowsPerBatch=7", "-p", "format=BINARY",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms");

        assertThat(status).isEqualTo(1);
        String reason = "a benchmark failed: IllegalArgumentException: rowsPerBatch must divide 100000; got 7";
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("jmh:run: FAILED: " + reason);
        Path runFolder;
        try (Stream<Path> folders = Files.list(temp.resolve("results"))) {
            runFolder = folders.findFirst().orElseThrow();
        }
        JsonNode manifest = new ObjectMapper().readTree(runFolder.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).isEqualTo(reason);
    }
}
