package io.loadbench.benchmarks.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadbench.benchmarks.datasets.BenchmarkDatasets;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A replay writes exactly what the generator wrote: the COPY benchmark's bytes are the loader's bytes. */
class RecordedRowsTest {

    private static final int ROWS = 2_000;

    @ParameterizedTest
    @ValueSource(strings = {"events", "weather", "analytics", "gateway", "commerce"})
    void replayedRowsEncodeToTheSameCopyBytesAsTheGeneratorItself(String dataset) {
        TableSpec table = BenchmarkDatasets.mainTable(BenchmarkDatasets.create(dataset));
        int columns = table.columns().size();
        RecordedRows recorded = RecordedRows.record(table.newGenerator(), ROWS, columns);

        for (CopyEncoder.Format format : CopyEncoder.Format.values()) {
            CopyEncoder direct = format.newEncoder();
            CopyEncoder replayed = format.newEncoder();
            RowGenerator generator = table.newGenerator();
            for (int row = 0; row < ROWS; row++) {
                direct.beginRow(columns);
                generator.generate(row, direct);
                direct.endRow();
                replayed.beginRow(columns);
                recorded.replay(row, replayed);
                replayed.endRow();
            }
            assertThat(replayed.toByteArray()).as(dataset + " " + format).isEqualTo(direct.toByteArray());
        }
    }

    @Test
    void aGeneratorThatWritesTheWrongNumberOfValuesIsRefused() {
        RowGenerator oneValueShort = (row, out) -> out.int8(row);

        assertThatThrownBy(() -> RecordedRows.record(oneValueShort, 10, 2))
                .hasMessageContaining("row 0 wrote 1 values for 2 columns");
    }
}
