package io.loadbench.loader.datasets.commerce;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.testing.DatasetContractTest;

import java.util.List;
import java.util.Set;

class CommerceDatasetContractTest extends DatasetContractTest {

    static CommerceSettings oneDay() {
        return new CommerceSettings(1, 2, 3, 0.2, 2.5, 1, 2, 25, 40, CommerceSettings.DEFAULT_START, null, List.of(), false);
    }

    @Override
    protected Dataset dataset(long seed) {
        // the rows follow from the schedule: any --rows is a placeholder for the dataset itself
        return new CommerceDataset(new DatasetParameters(seed, 1), oneDay());
    }

    @Override
    protected Set<String> columnsAllowedToBeConstant() {
        // the pool size is a configuration value, the same on every host; the breaker only leaves "closed"
        // during a circuit-breaker incident, which the sampled first rows need not contain
        return Set.of("db_pool_max", "circuit_breaker_state");
    }
}
