package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.sink.redis.RedisAddress;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;

import java.util.function.Function;

/** Registers the {@code analytics} dataset. */
public final class AnalyticsDefinition implements DatasetDefinition<AnalyticsSettings> {

    private final Function<DatasetContext, RedisAddress> redisAddress;

    /** The Redis fill connects to the target's Redis. */
    public AnalyticsDefinition() {
        this(context -> RedisAddress.of(context.redisEndpoint()));
    }

    /** The Redis fill connects where {@code redisAddress} says (tests). */
    public AnalyticsDefinition(Function<DatasetContext, RedisAddress> redisAddress) {
        this.redisAddress = redisAddress;
    }

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public String summary() {
        return "SaaS analytics (seed 002): orgs, users, events in PostgreSQL; INCR counters and warmed dashboard caches in Redis";
    }

    @Override
    public long defaultRows() {
        return AnalyticsSettings.DEFAULT_EVENTS;
    }

    @Override
    public AnalyticsSettings defaultSettings() {
        return AnalyticsSettings.DEFAULTS;
    }

    @Override
    public Dataset create(DatasetParameters common, AnalyticsSettings settings) {
        return new AnalyticsDataset(common, settings, redisAddress);
    }
}
