package io.loadbench.benchmarks.datasets;

import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.DatasetRegistry;
import io.loadbench.loader.spi.TableSpec;

/**
 * Builds a registered dataset for benchmarking and picks the table a benchmark measures.
 *
 * <p>Every benchmark uses {@link #SEED} and the dataset's default plan (its default {@code --rows} and
 * settings, as {@code loadbench-loader load <dataset>} would build it), so two runs on two machines generate
 * and load the same rows; the suite records the seed and the sizes in its manifest. Building a dataset
 * only builds its pools: the size sets the range of row indexes, nothing is generated up front.
 */
public final class BenchmarkDatasets {

    /** The root seed of every benchmark dataset. */
    public static final long SEED = 42L;
    private BenchmarkDatasets() {
    }

    /**
     * @param name a dataset's registry name, e.g. {@code events}
     * @throws IllegalArgumentException naming the dataset when it is not registered
     */
    public static Dataset create(String name) {
        DatasetDefinition<?> definition = DatasetRegistry.builtIn().find(name).orElseThrow(
                () -> new IllegalArgumentException("unknown dataset '" + name + "'; registered: "
                        + DatasetRegistry.builtIn().all().stream().map(DatasetDefinition::name).toList()));
        return build(definition);
    }

    private static <S extends Record> Dataset build(DatasetDefinition<S> definition) {
        return definition.create(new DatasetParameters(SEED, definition.defaultRows()), definition.defaultSettings());
    }

    /** @return each registered dataset's default size ({@code --rows}), by name, for the manifest */
    public static SortedMap<String, Long> defaultRows() {
        SortedMap<String, Long> rows = new TreeMap<>();
        DatasetRegistry.builtIn().all().forEach(definition -> rows.put(definition.name(), definition.defaultRows()));
        return rows;
    }

    /** @return the dataset's largest table: the fact table a bulk load is about */
    public static TableSpec mainTable(Dataset dataset) {
        return dataset.tables().stream().max(Comparator.comparingLong(TableSpec::rowCount)).orElseThrow(
                () -> new IllegalArgumentException("dataset '" + dataset.name() + "' has no PostgreSQL table"));
    }
}
