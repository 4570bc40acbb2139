package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;

/** Registers the {@code weather} dataset. */
public final class WeatherDefinition implements DatasetDefinition<WeatherSettings> {

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
    public WeatherSettings defaultSettings() {
        return WeatherSettings.DEFAULTS;
    }

    @Override
    public Dataset create(DatasetParameters common, WeatherSettings settings) {
        return new WeatherDataset(common, settings);
    }
}
