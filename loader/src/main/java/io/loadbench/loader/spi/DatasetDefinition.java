package io.loadbench.loader.spi;

/**
 * A registered dataset: the entry the CLI lists and builds. Register an implementation in
 * {@code io.loadbench.loader.cli.DatasetRegistry} (one line).
 *
 * @param <O> the dataset's own options
 */
public interface DatasetDefinition<O extends DatasetOptions> {

    /** Registry name, used as the positional on the command line ({@code load events}). */
    String name();

    /** One line for {@code datasets} and {@code --help}. */
    String summary();

    /** The default number of rows of the main table when {@code --rows} is not given. */
    long defaultRows();

    /** A fresh options object holding defaults, to be populated by picocli. */
    O newOptions();

    /**
     * Builds the dataset for one plan. Validates {@code options} against {@code common} and throws
     * {@link InvalidOptionException} naming the offending option. May take a moment (pools are built here),
     * but must not touch a datastore.
     */
    Dataset create(DatasetParameters common, O options);
}
