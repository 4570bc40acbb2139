package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.testing.DatasetContractTest;

import java.util.Set;

class GatewayDatasetContractTest extends DatasetContractTest {

    @Override
    protected Dataset dataset(long seed) {
        return new GatewayDataset(seed, GatewaySettings.ofProfile(GatewayProfile.SMALL));
    }

    @Override
    protected Set<String> columnsAllowedToBeConstant() {
        // the small profile has ten gateways, 95% of them enabled: all ten may be
        return Set.of("enabled");
    }
}
