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

    /**
     * The most rows one table may hold: 10^12, ten thousand times the 100M-row challenge. Far beyond any
     * load a single server takes, yet small enough that row indexes, batch counts (at most 2^31 per table)
     * and byte estimates never overflow a {@code long}; a plan past it is a typo, not an experiment.
     */
    public static final long MAX_ROWS = 1_000_000_000_000L;

    public DatasetParameters {
        if (rows <= 0) {
            throw new InvalidOptionException("--rows", "must be positive, got " + rows);
        }
        if (rows > MAX_ROWS) {
            throw new InvalidOptionException("--rows", "at most " + MAX_ROWS + " (10^12) rows per table, got " + rows);
        }
    }
}
