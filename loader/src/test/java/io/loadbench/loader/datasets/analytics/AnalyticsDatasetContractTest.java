package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.testing.DatasetContractTest;

import java.util.Map;

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

    @Override
    protected Map<String, String> pinnedChecksums() {
        // seed 42 (the loader's default) at the size above
        return Map.ofEntries(
                Map.entry(PARAMETERS, "8045bf1b9003c488"),
                Map.entry("analytics_events", "rows=5000 data=eee392b484cdc811 schema=3b0ddd2486e82018"),
                Map.entry("analytics_orgs", "rows=8 data=6723a147e5905b31 schema=cf11a8392cdcef65"),
                Map.entry("analytics_users", "rows=400 data=7db48ee892c83fb2 schema=635c3e51a4eec4e4"));
    }
}
