package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.testing.DatasetContractTest;


class AnalyticsDatasetContractTest extends DatasetContractTest {

    static final long EVENTS = 5_000;

    static AnalyticsSettings small(RedisDataType type) {
        return new AnalyticsSettings(8, 50, 6, 300, type, 95, "lbtest:analytics", AnalyticsSettings.DEFAULT_WINDOW_START, null);
    }

    static AnalyticsLayout smallLayout(long seed, RedisDataType type) {
        return new AnalyticsLayout(seed, EVENTS, small(type));
    }

    @Override
    protected Dataset dataset(long seed) {
        return new AnalyticsDataset(new DatasetParameters(seed, EVENTS), small(RedisDataType.STRING), context -> {
            throw new IllegalStateException("no Redis in a contract test");
        });
    }
}
