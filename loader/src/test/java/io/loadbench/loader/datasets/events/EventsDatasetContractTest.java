package io.loadbench.loader.datasets.events;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.testing.DatasetContractTest;

import java.time.LocalDate;

class EventsDatasetContractTest extends DatasetContractTest {

    @Override
    protected Dataset dataset(long seed) {
        return new EventsDefinition().create(new DatasetParameters(seed, 5_000), new EventsSettings(500, 90, LocalDate.of(2026, 10, 1)));
    }
}
