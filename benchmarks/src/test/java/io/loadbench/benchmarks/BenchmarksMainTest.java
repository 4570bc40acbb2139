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
        SuiteSettings settings = new SuiteSettings(temp.resolve("results"), "test-bench", null, pgUrl, null, false,
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
                .contains("param \"commandsPerPipeline\" = {1, 10, 100, 1000, 10000}");
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

    @Test
    void aBadJmhOptionIsOneLine() {
        int status = run("-i", "many");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("jmh:run: invalid JMH option:")
                .doesNotContain("\n");
    }

    @Test
    void aRunWritesJmhJsonAndAnOkManifestIntoItsRunFolder() throws Exception {
        int status = run("RedisPipelineBenchmark.roundTrips", "-p", "variant=STRING",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path runFolder;
        try (Stream<Path> folders = Files.list(temp.resolve("results"))) {
            runFolder = folders.filter(p -> p.getFileName().toString().endsWith("-test-bench-jmh"))
                    .findFirst().orElseThrow();
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(runFolder.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("OK");
        assertThat(manifest.path("kind").asText()).isEqualTo("jmh");
        assertThat(manifest.path("files").toString()).contains("jmh.json");
        assertThat(manifest.path("plan").path("parameterOverrides").path("variant").toString()).isEqualTo("[\"STRING\"]");
        assertThat(manifest.path("target").path("redis").path("version").asText()).isNotBlank();

        JsonNode results = json.readTree(runFolder.resolve("jmh.json").toFile());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("benchmark").asText())
                .isEqualTo("io.loadbench.benchmarks.redis.RedisPipelineBenchmark.roundTrips");
        assertThat(results.get(0).path("primaryMetric").path("score").asDouble()).isPositive();
    }

    @Test
    void aBenchmarkThatThrowsFailsTheRunAndTheManifestSaysWhy() throws Exception {
        int status = run("EventsCopyBenchmark", "-p", "rowsPerBatch=7", "-p", "format=BINARY",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms");

        assertThat(status).isEqualTo(1);
        String reason = "a benchmark failed: IllegalArgumentException: rowsPerBatch must divide 500000; got 7";
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
