package io.loadbench.loader.datasets.commerce;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.InvalidOptionException;

/**
 * Registers the {@code commerce} dataset. Its size follows the traffic schedule ({@code --days},
 * {@code --base-tps}, {@code --peak-multiplier}); {@code --rows} may only restate it.
 */
public final class CommerceDefinition implements DatasetDefinition<CommerceSettings> {

    /** The default settings' transaction count at seed 0 (a constant, whatever the seed of a load). */
    private static final long DEFAULT_ROWS = new CommerceTimeline(0, CommerceSettings.DEFAULTS).transactions();

    @Override
    public String name() {
        return "commerce";
    }

    @Override
    public String summary() {
        return "E-commerce transactions (seed 001): daily schedule, incidents, recovery; PostgreSQL, NDJSON _bulk + mapping, CSV";
    }

    /** The default week's transaction count (the seed's 7 days at 20 TPS base). */
    @Override
    public long defaultRows() {
        return DEFAULT_ROWS;
    }

    @Override
    public CommerceSettings defaultSettings() {
        return CommerceSettings.DEFAULTS;
    }

    @Override
    public Dataset create(DatasetParameters common, CommerceSettings settings) {
        CommerceDataset dataset = new CommerceDataset(common, settings);
        long planned = dataset.timeline().transactions();
        if (planned > DatasetParameters.MAX_ROWS) {
            throw new InvalidOptionException("--base-tps", "--days " + settings.days() + " x --base-tps " + settings.baseTps()
                    + " x --peak-multiplier " + settings.peakMultiplier() + " give " + planned
                    + " transactions, more than the " + DatasetParameters.MAX_ROWS + " rows a table may hold");
        }
        if (common.rows() != DEFAULT_ROWS && common.rows() != planned) {
            throw new InvalidOptionException("--rows", "commerce sizes itself from --days, --base-tps and --peak-multiplier"
                    + " (this plan has " + planned + " transactions); leave --rows out");
        }
        return dataset;
    }
}
