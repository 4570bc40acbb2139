package io.loadbench.loader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.results.noise.CpuHog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load that succeeds beside a busy loop keeping a core to itself ends NOISY, with the figures in its manifest and
 * on the console. The hog is outside this JVM's process tree, as a neighbour's job is; the load starts its own
 * embedded PostgreSQL (the default target), whose CPU counts as the run's own (EmbeddedServerCpuTest).
 */
@EnabledOnOs(OS.LINUX)
class LoadBesideACpuHogTest {

    @TempDir
    Path results;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aLoadBesideACpuHogIsMarkedNoisy() throws Exception {
        CliRun load;
        try (CpuHog hog = CpuHog.outsideThisProcessTree()) {
            assertThat(hog.running()).isTrue();
            load = CliRun.of(Map.of(), "hog-test", "load", "events", "--rows", "100K", "--users", "500", "--batch-size", "5000",
                    "--results", results.toString(), "--label", "hog-test");
        }
        assertThat(load.exitCode()).as(load.out() + load.err()).isZero();
        assertThat(load.out()).contains("NOISY: ").containsPattern("noise: .*: NOISY \\(.*foreign CPU mean [0-9.]+% of a core > 10.0%");
        JsonNode manifest = new ObjectMapper().readTree(onlyRunFolder().resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("NOISY");
        assertThat(manifest.path("failureReason").isNull()).isTrue();
        assertThat(manifest.path("target").path("kind").asText()).isEqualTo("EMBEDDED");
        JsonNode noise = manifest.path("noise");
        assertThat(noise.path("samples").asInt()).isPositive();
        // the hog alone keeps about a core busy: whatever else the shared machine runs, that is far above 10% of a core
        assertThat(noise.path("foreignCpuPercentOfCore").path("mean").asDouble()).isGreaterThan(40);
        assertThat(noise.path("exceeded").toString()).contains("foreign CPU mean");
    }

    private Path onlyRunFolder() throws Exception {
        try (Stream<Path> folders = Files.list(results)) {
            return folders.filter(folder -> folder.getFileName().toString().endsWith("-hog-test-load-events")).findFirst().orElseThrow();
        }
    }
}
