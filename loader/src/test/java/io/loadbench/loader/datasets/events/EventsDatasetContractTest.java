package io.loadbench.loader.datasets.events;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.testing.DatasetContractTest;

import java.time.LocalDate;
import java.util.Map;

class EventsDatasetContractTest extends DatasetContractTest {

    @Override
    protected Dataset dataset(long seed) {
        return new EventsDefinition().create(new DatasetParameters(seed, 5_000), new EventsOptions(500, 90, LocalDate.of(2026, 10, 1)));
    }

    @Override
    protected Map<String, String> pinnedChecksums() {
        // seed 42 (the loader's default) at the size above
        return Map.ofEntries(
                Map.entry(PARAMETERS, "5e9057486ee719b0"),
                Map.entry("events", "rows=5000 data=eb041e8acac956c4 schema=6a82c013216c09c8"));
    }
}
