package io.loadbench.results.merge;

import io.loadbench.results.GoldenFiles;
import io.loadbench.results.RunStatus;
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
                                RunStatus.OK, Instant.parse("2026-11-22T06:00:00.000Z"), Optional.of(Instant.parse("2026-11-22T06:00:12.000Z"))),
                        new MergeInfo.Source("20261122T060000Z-injector-2-gatling-cachequeries", Optional.empty(),
                                RunStatus.FAILED, Instant.parse("2026-11-22T06:00:00.250Z"), Optional.of(Instant.parse("2026-11-22T06:00:12.500Z")))),
                Map.of("get", new MergeInfo.RequestThroughput(800.0, 6_400, Map.of(
                        "20261122T060000Z-injector-1-gatling-cachequeries", 300.0,
                        "20261122T060000Z-injector-2-gatling-cachequeries", 500.0))),
                Optional.empty(), Optional.of("rates are summed"));
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
