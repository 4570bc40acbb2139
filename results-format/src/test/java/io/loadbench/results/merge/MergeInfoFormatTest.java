package io.loadbench.results.merge;

import io.loadbench.results.GoldenFiles;
import io.loadbench.results.RunStatus;
import io.loadbench.results.noise.NoiseSummary;
import io.loadbench.results.noise.NoiseThresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** merge.json: written, read back to the same record, and the golden file of every version read and rewritten byte for byte. */
class MergeInfoFormatTest {

    @TempDir
    Path dir;

    static MergeInfo twoInjectors() {
        return new MergeInfo(Instant.parse("2026-11-22T07:00:00.000Z"),
                List.of(new MergeInfo.Source("20261122T060000Z-injector-1-gatling-cachequeries", Optional.of("injector-1"),
                                RunStatus.OK, Instant.parse("2026-11-22T06:00:00.000Z"), Optional.of(Instant.parse("2026-11-22T06:00:12.000Z")),
                                Optional.empty()),
                        new MergeInfo.Source("20261122T060000Z-injector-2-gatling-cachequeries", Optional.empty(),
                                RunStatus.FAILED, Instant.parse("2026-11-22T06:00:00.250Z"), Optional.of(Instant.parse("2026-11-22T06:00:12.500Z")),
                                Optional.empty())),
                Map.of("get", new MergeInfo.RequestThroughput(800.0, 6_400, Map.of(
                        "20261122T060000Z-injector-1-gatling-cachequeries", 300.0,
                        "20261122T060000Z-injector-2-gatling-cachequeries", 500.0))),
                Optional.empty(), Optional.of("rates are summed"));
    }

    /** The same merge, its first source on a quiet machine and its second on a noisy one. */
    static MergeInfo twoInjectorsWithNoise() {
        NoiseThresholds thresholds = new NoiseThresholds(5.0, 10.0);
        NoiseSummary quiet = new NoiseSummary(1000, 12, new NoiseSummary.Figures(0.4, 1.0, 1.2),
                new NoiseSummary.Figures(3.1, 6.0, 8.0), new NoiseSummary.Figures(0.5, 0.7, 0.8), thresholds, List.of());
        NoiseSummary noisy = new NoiseSummary(1000, 12, new NoiseSummary.Figures(19.3, 40.0, 52.5),
                new NoiseSummary.Figures(3.0, 5.0, 7.0), new NoiseSummary.Figures(2.1, 2.5, 2.6), thresholds,
                List.of("steal mean 19.3% > 5.0%"));
        MergeInfo plain = twoInjectors();
        return new MergeInfo(plain.mergedAt(), List.of(
                withNoise(plain.sources().get(0), quiet), withNoise(plain.sources().get(1), noisy)),
                plain.requests(), plain.loadNote(), plain.scenarioNote());
    }

    private static MergeInfo.Source withNoise(MergeInfo.Source source, NoiseSummary noise) {
        return new MergeInfo.Source(source.folder(), source.label(), source.status(), source.startedAt(), source.finishedAt(),
                Optional.of(noise));
    }

    @Test
    void eachSourcesNoiseIsWrittenReadBackAndJudged() {
        Path file = dir.resolve(MergeInfo.FILE);
        MergeInfoWriter.write(file, twoInjectorsWithNoise());

        MergeInfo read = MergeInfoReader.read(file);
        assertThat(read).isEqualTo(twoInjectorsWithNoise());
        assertThat(read.sources()).extracting(MergeInfo.Source::noisy).containsExactly(false, true);
        assertThat(MergeInfoWriter.toJson(read)).isEqualTo(GoldenFiles.text("merge", "v1/merge-with-source-noise.json"));
    }

    @Test
    void aFileWrittenBeforeSourcesCarriedNoiseReadsWithoutIt() {
        Path file = GoldenFiles.copy(dir, "merge", "v1/merge-two-injectors.json");

        assertThat(MergeInfoReader.read(file).sources()).allSatisfy(source -> assertThat(source.noise()).isEmpty());
    }

    @Test
    void writtenRecordsReadBackEqual() {
        Path file = dir.resolve(MergeInfo.FILE);
        MergeInfoWriter.write(file, twoInjectors());

        assertThat(MergeInfoReader.read(file)).isEqualTo(twoInjectors());
    }

    @Test
    void theGoldenFileIsWhatTheWriterWritesAndReadsBackByteForByte() {
        String golden = GoldenFiles.text("merge", "v1/merge-two-injectors.json");
        Path file = GoldenFiles.copy(dir, "merge", "v1/merge-two-injectors.json");

        assertThat(MergeInfoWriter.toJson(twoInjectors())).isEqualTo(golden);
        assertThat(MergeInfoWriter.toJson(MergeInfoReader.read(file))).isEqualTo(golden);
    }
}
