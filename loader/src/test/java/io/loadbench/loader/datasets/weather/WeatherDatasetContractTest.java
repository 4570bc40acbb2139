package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.testing.DatasetContractTest;


class WeatherDatasetContractTest extends DatasetContractTest {

    @Override
    protected Dataset dataset(long seed) {
        return new WeatherDataset(new DatasetParameters(seed, 5_000), WeatherSettings.cities(50));
    }
}
