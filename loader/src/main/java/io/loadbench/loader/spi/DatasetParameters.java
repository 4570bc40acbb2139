package io.loadbench.loader.spi;

/**
 * The options every dataset receives, already validated by the CLI.
 *
 * @param seed root seed; every random choice of the dataset descends from it
 *             ({@link io.loadbench.loader.random.Seeds})
 * @param rows the requested size; its meaning (rows of the main table, or a scale from which each table's
 *             row count follows) is documented by each dataset. Always positive.
 */
public record DatasetParameters(long seed, long rows) {

    public DatasetParameters {
        if (rows <= 0) {
            throw new InvalidOptionException("--rows", "must be positive, got " + rows);
        }
    }
}
