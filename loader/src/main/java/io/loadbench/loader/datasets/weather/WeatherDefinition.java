package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;

/** Registers the {@code weather} dataset. */
public final class WeatherDefinition implements DatasetDefinition<WeatherOptions> {

    /** The seed's 10 million records. */
    static final long DEFAULT_ROWS = 10_000_000L;

    @Override
    public String name() {
        return "weather";
    }

    @Override
    public String summary() {
        return "Weather time series (seed 003): 10M readings by location, with the indexes and summary the query-by-location scenario needs";
    }

    @Override
    public long defaultRows() {
        return DEFAULT_ROWS;
    }

    @Override
    public WeatherOptions newOptions() {
        return new WeatherOptions();
    }

    @Override
    public Dataset create(DatasetParameters common, WeatherOptions options) {
        return new WeatherDataset(common.seed(), common.rows(), options.locations.trim(), options.buildLocations(common.seed()));
    }
}
