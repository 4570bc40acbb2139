package io.loadbench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    @ValueSource(strings = {"v1/manifest-running.json", "v1/manifest-ok.json", "v1/manifest-failed.json"})
    void everyGoldenFileIsReadAndRewrittenByteForByte(String golden) throws IOException {
        Path file = copy(golden);

        assertThat(Json.write(ManifestWriter.toJsonTree(ManifestReader.read(file)))).isEqualTo(text(golden));
    }

    @Test
    void statusKindAndTimesAreTyped() throws IOException {
        RunManifest ok = ManifestReader.read(copy("v1/manifest-ok.json"));

        assertThat(ok.kind()).isEqualTo(RunKind.LOAD);
        assertThat(ok.status()).isEqualTo(RunStatus.OK);
        assertThat(ok.finishedAt()).contains(Instant.parse("2026-11-22T06:22:41.950Z"));
        assertThat(ok.durationMs()).hasValue(23_827);
        assertThat(ok.environment().orElseThrow().cpu().logicalCores()).isEqualTo(2);
        assertThat(ok.tool().orElseThrow().gitCommit()).startsWith("3f2c8e1d");
        assertThat(ok.labelOrName()).isEqualTo("db-bench-01");
        assertThat(ManifestReader.read(copy("v1/manifest-running.json")).finishedAt()).isEmpty();
        assertThat(ManifestReader.read(copy("v1/manifest-failed.json")).failureReason()).isPresent();
    }

    @Test
    void aWrittenManifestReadsBackEqual() {
        RunManifest manifest = new RunManifest(RunKind.GATLING, "gatling-cache-queries", Optional.empty(), Optional.empty(),
                Instant.parse("2026-11-22T07:14:51.000Z"), Optional.of(Instant.parse("2026-11-22T07:15:03.250Z")),
                RunStatus.FAILED, Optional.of("missed the target rate"), Map.of("rate", 250.0, "users", 4),
                Map.of("rate", 250.0), Optional.empty(), Optional.of(Map.of("kind", "EXTERNAL")), List.of("scenario.json"));
        Path file = dir.resolve(Run.MANIFEST_FILE);

        ManifestWriter.write(file, manifest);

        assertThat(ManifestReader.read(file)).isEqualTo(manifest);
    }

    @Test
    void anUnknownStatusIsNamed() throws IOException {
        Path file = dir.resolve(Run.MANIFEST_FILE);
        Files.writeString(file, text("v1/manifest-ok.json").replace("\"status\" : \"OK\"", "\"status\" : \"PASSED\""));

        assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessage(file + ": status: unknown value 'PASSED'");
    }

    @Test
    void anUnknownKindIsNamed() throws IOException {
        Path file = dir.resolve(Run.MANIFEST_FILE);
        Files.writeString(file, text("v1/manifest-ok.json").replace("\"kind\" : \"load\"", "\"kind\" : \"ycsb\""));

        assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining("unknown run kind 'ycsb'");
    }

    private Path copy(String golden) throws IOException {
        Path file = dir.resolve(golden.replace('/', '-'));
        Files.writeString(file, text(golden));
        return file;
    }

    private static String text(String golden) throws IOException {
        try (InputStream in = ManifestFormatTest.class.getResourceAsStream("golden/manifest/" + golden)) {
            assertThat(in).as(golden).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
