package io.loadbench.loader.datasets.commerce;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.testing.DatasetContractTest;

import java.util.List;
import java.util.Map;
import java.util.Set;

class CommerceDatasetContractTest extends DatasetContractTest {

    static CommerceSettings oneDay(long seed) {
        return new CommerceSettings(seed, 1, 2, 3, 0.2, 2.5, 1, 2, 25, 40, CommerceSettings.DEFAULT_START);
    }

    @Override
    protected Dataset dataset(long seed) {
        return new CommerceDataset(oneDay(seed), null, List.of(), false);
    }

    @Override
    protected Set<String> columnsAllowedToBeConstant() {
        // the pool size is a configuration value, the same on every host; the breaker only leaves "closed"
        // during a circuit-breaker incident, which the sampled first rows need not contain
        return Set.of("db_pool_max", "circuit_breaker_state");
    }

    @Override
    protected Map<String, String> pinnedChecksums() {
        // seed 42 (the loader's default) at the size above
        return Map.ofEntries(
                Map.entry(PARAMETERS, "9cc0a16d4bed2537"),
                Map.entry("commerce_transactions", "rows=22749 data=44750eb5ec7d0572 schema=be9ccebb23e572c8"));
    }
}
