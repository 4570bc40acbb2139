package io.loadbench.results;

import io.loadbench.results.noise.NoiseSummary;
import io.loadbench.results.noise.NoiseThresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** manifest.json read back as the typed {@link RunManifest}: every golden file of every version read and rewritten byte for byte. */
class ManifestFormatTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"v2/manifest-running.json", "v2/manifest-ok.json", "v2/manifest-failed.json",
            "v2/manifest-noisy.json"})
    void everyGoldenFileIsReadAndRewrittenByteForByte(String golden) {
        Path file = GoldenFiles.copy(dir, "manifest", golden);

        assertThat(Json.write(ManifestWriter.toJsonTree(ManifestReader.read(file)))).isEqualTo(GoldenFiles.text("manifest", golden));
    }

    /** A version-1 manifest reads with the facts it lacks as null and no noise, and is rewritten as version 2. */
    @ParameterizedTest
    @ValueSource(strings = {"manifest-running", "manifest-ok", "manifest-failed"})
    void everyVersion1GoldenFileIsReadAndRewrittenAsVersion2(String golden) {
        RunManifest v1 = ManifestReader.read(GoldenFiles.copy(dir, "manifest", "v1/" + golden + ".json"));

        assertThat(v1.noise()).isEmpty();
        assertThat(v1.environment().orElseThrow().disk()).isNull();
        assertThat(v1.environment().orElseThrow().cpu().physicalCores()).isNull();
        assertThat(v1.environment().orElseThrow().cpu().logicalCores()).isEqualTo(2);
        assertThat(Json.write(ManifestWriter.toJsonTree(v1))).isEqualTo(GoldenFiles.text("manifest", "v2/" + golden + "-from-v1.json"));
    }

    @Test
    void theNoiseAndTheHardwareFactsAreTyped() {
        RunManifest noisy = ManifestReader.read(GoldenFiles.copy(dir, "manifest", "v2/manifest-noisy.json"));

        assertThat(noisy.status()).isEqualTo(RunStatus.NOISY);
        assertThat(noisy.failureReason()).isEmpty();
        NoiseSummary noise = noisy.noise().orElseThrow();
        assertThat(noise.noisy()).isTrue();
        assertThat(noise.foreignCpuPercentOfCore().mean()).isEqualTo(100.0);
        assertThat(noise.thresholds()).isEqualTo(NoiseThresholds.DEFAULTS);
        EnvironmentInfo environment = noisy.environment().orElseThrow();
        assertThat(environment.cpu().physicalCores()).isEqualTo(1);
        assertThat(environment.cpu().caches()).extracting(EnvironmentInfo.Cache::level).containsExactly(1, 1, 2, 3);
        assertThat(environment.disk().rotational()).isFalse();
        assertThat(environment.virtualization().hypervisor()).isTrue();
    }

    @Test
    void statusKindAndTimesAreTyped() {
        RunManifest ok = ManifestReader.read(GoldenFiles.copy(dir, "manifest", "v2/manifest-ok.json"));

        assertThat(ok.kind()).isEqualTo(RunKind.LOAD);
        assertThat(ok.status()).isEqualTo(RunStatus.OK);
        assertThat(ok.finishedAt()).contains(Instant.parse("2026-11-22T06:22:41.950Z"));
        assertThat(ok.durationMs()).hasValue(23_827);
        assertThat(ok.environment().orElseThrow().cpu().logicalCores()).isEqualTo(2);
        assertThat(ok.tool().orElseThrow().gitCommit()).startsWith("3f2c8e1d");
        assertThat(ok.label()).contains("db-bench-01");
        assertThat(ok.noise().orElseThrow().noisy()).isFalse();
        assertThat(ManifestReader.read(GoldenFiles.copy(dir, "manifest", "v2/manifest-running.json")).finishedAt()).isEmpty();
        assertThat(ManifestReader.read(GoldenFiles.copy(dir, "manifest", "v2/manifest-failed.json")).failureReason()).isPresent();
    }

    @Test
    void aWrittenManifestReadsBackEqual() {
        RunManifest manifest = new RunManifest(RunKind.GATLING, "gatling-cache-queries", Optional.empty(), Optional.empty(),
                Instant.parse("2026-11-22T07:14:51.000Z"), Optional.of(Instant.parse("2026-11-22T07:15:03.250Z")),
                RunStatus.FAILED, Optional.of("missed the target rate"), Optional.of(new NoiseSummary(1000, 12,
                        new NoiseSummary.Figures(0.25, 1.5, 2.0), new NoiseSummary.Figures(4.0, 12.5, 30.0), null,
                        NoiseThresholds.DEFAULTS, List.of())), Map.of("rate", 250.0, "users", 4),
                Map.of("rate", 250.0), Optional.empty(), Optional.of(Map.of("kind", "EXTERNAL")), List.of("scenario.json"));
        Path file = dir.resolve(Run.MANIFEST_FILE);

        ManifestWriter.write(file, manifest);

        assertThat(ManifestReader.read(file)).isEqualTo(manifest);
    }

    @Test
    void anUnknownStatusIsNamed() {
        Path file = GoldenFiles.edited(dir.resolve(Run.MANIFEST_FILE), "manifest", "v2/manifest-ok.json",
                "\"status\" : \"OK\"", "\"status\" : \"PASSED\"");

        assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessage(file + ": status: unknown value 'PASSED'");
    }

    @Test
    void anUnknownKindIsNamed() {
        Path file = GoldenFiles.edited(dir.resolve(Run.MANIFEST_FILE), "manifest", "v1/manifest-ok.json",
                "\"kind\" : \"load\"", "\"kind\" : \"ycsb\"");

        assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining("unknown run kind 'ycsb'");
    }
}
