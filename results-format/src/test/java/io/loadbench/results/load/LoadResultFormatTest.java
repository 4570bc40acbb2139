package io.loadbench.results.load;

import io.loadbench.results.GoldenFiles;
import io.loadbench.results.ResultFormatException;
import io.loadbench.results.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** load.json: written, read back to the same record, and every golden file of every version read (and rewritten byte for byte). */
class LoadResultFormatTest {

    @TempDir
    Path dir;

    @Test
    void theLoadersGoldenFileIsReadAndRewrittenByteForByte() {
        Path file = GoldenFiles.copy(dir, "load", "v1/load-events-resumed-failed.json");

        LoadResult load = LoadResultReader.read(file);

        assertThat(LoadResultWriter.toJson(load)).isEqualTo(GoldenFiles.text("load", "v1/load-events-resumed-failed.json"));
        assertThat(load.status()).isEqualTo(RunStatus.FAILED);
        assertThat(load.failureReason()).contains("verification failed: device share");
        assertThat(load.verification().status()).isEqualTo(LoadResult.VerificationStatus.FAILED);
        assertThat(load.outputs()).extracting(LoadResult.OutputStep::name).containsExactly("redis:analytics");
    }

    @Test
    void aFileFromBeforeOutputStepsAndLineVerdictsIsReadWithNoneAndDerivedVerdicts() {
        LoadResult load = LoadResultReader.read(GoldenFiles.copy(dir, "load", "v1/load-weather-before-outputs.json"));

        assertThat(load.outputs()).isEmpty();
        assertThat(load.tables()).extracting(LoadResult.TableLoad::rowsLoaded).containsExactly(200_000L);
        assertThat(load.verification().checks()).allSatisfy(check ->
                assertThat(check.lines()).allSatisfy(line -> assertThat(line.passed()).isTrue()));
        assertThat(load.totals().rowsPerSecond()).isEqualTo(78_766.315);
    }

    @Test
    void aWrittenRecordReadsBackEqual() {
        LoadResult load = new LoadResult("weather", "weather-0b5a78e5280aeff0", false, "text", 1_000, 1,
                List.of(new LoadResult.TableLoad("weather_readings", 10, 10, 1, 1, 0, 512, 0.25, 0.0, 40.0, 0.002,
                        List.of(new LoadResult.WorkerLoad(0, 10, 512, 1, 0.25, 40.0, 0.002)), Optional.empty())),
                new LoadResult.Totals(10, 512, 1.5, 6.667, 0.0),
                List.of(),
                new LoadResult.Verification(LoadResult.VerificationStatus.FAILED,
                        List.of(new LoadResult.Check("row count", false, List.of(
                                new LoadResult.CheckLine("weather_readings", 10, OptionalDouble.empty(), 0, "rows", false)))),
                        Map.of()),
                RunStatus.FAILED, Optional.of("verification failed: row count"));
        Path file = dir.resolve(LoadResult.FILE);

        LoadResultWriter.write(file, load);

        assertThat(LoadResultReader.read(file)).isEqualTo(load);
    }

    @Test
    void anUnknownSchemaVersionIsRejectedNamingTheFile() {
        Path file = GoldenFiles.edited(dir.resolve(LoadResult.FILE), "load", "v1/load-events-resumed-failed.json",
                "\"schemaVersion\" : 1", "\"schemaVersion\" : 7");

        assertThatThrownBy(() -> LoadResultReader.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining(file + ": unknown schemaVersion 7");
    }
}
