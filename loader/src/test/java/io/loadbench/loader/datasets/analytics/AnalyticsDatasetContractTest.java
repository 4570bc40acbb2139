package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.testing.DatasetContractTest;

class AnalyticsDatasetContractTest extends DatasetContractTest {

    static AnalyticsSettings small(long seed, RedisDataType type) {
        return new AnalyticsSettings(seed, 5_000, 8, 50, 6, 300, type, 95, "lbtest:analytics", AnalyticsSettings.DEFAULT_WINDOW_START);
    }

    @Override
    protected Dataset dataset(long seed) {
        return new AnalyticsDataset(small(seed, RedisDataType.STRING), context -> {
            throw new IllegalStateException("no Redis in a contract test");
        });
    }
}
