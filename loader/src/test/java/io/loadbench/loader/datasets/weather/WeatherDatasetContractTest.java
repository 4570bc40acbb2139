package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.testing.DatasetContractTest;

import java.util.Map;

class WeatherDatasetContractTest extends DatasetContractTest {

    @Override
    protected Dataset dataset(long seed) {
        return new WeatherDataset(seed, 5_000, "50", WeatherLocations.cities(50, seed));
    }

    @Override
    protected Map<String, String> pinnedChecksums() {
        // seed 42 (the loader's default) at the size above
        return Map.ofEntries(
                Map.entry(PARAMETERS, "ea237b367b9b00c1"),
                Map.entry("weather_readings", "rows=5000 data=77afe8fe19342423 schema=ac1e986276b519cc"));
    }
}
