package io.loadbench.benchmarks.datasets;

import java.util.Comparator;

import io.loadbench.loader.cli.DatasetRegistry;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetOptions;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.TableSpec;

/**
 * Builds a registered dataset for benchmarking and picks the table a benchmark measures.
 *
 * <p>Every benchmark uses {@link #SEED} and {@link #ROWS} with the dataset's default options, so two runs
 * (on two machines) generate and load the same rows; the suite records both in its manifest.
 */
public final class BenchmarkDatasets {

    /** The root seed of every benchmark dataset. */
    public static final long SEED = 42L;
    /**
     * The dataset size asked for: large enough that the row indexes a benchmark cycles through cover
     * realistic spreads (sessions, months, users), small enough that building the dataset takes seconds.
     */
    public static final long ROWS = 1_000_000L;

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

    private static <O extends DatasetOptions> Dataset build(DatasetDefinition<O> definition) {
        return definition.create(new DatasetParameters(SEED, ROWS), definition.newOptions());
    }

    /** @return the dataset's largest table: the fact table a bulk load is about */
    public static TableSpec mainTable(Dataset dataset) {
        return dataset.tables().stream().max(Comparator.comparingLong(TableSpec::rowCount)).orElseThrow(
                () -> new IllegalArgumentException("dataset '" + dataset.name() + "' has no PostgreSQL table"));
    }
}
