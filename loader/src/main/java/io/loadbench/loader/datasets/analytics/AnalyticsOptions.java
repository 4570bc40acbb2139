package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.spi.DatasetOptions;
import picocli.CommandLine.Option;

import java.util.SortedMap;
import java.util.TreeMap;

/** The analytics dataset's own options; {@code --rows} (common) is the number of events. */
public final class AnalyticsOptions implements DatasetOptions {

    @Option(names = "--orgs", paramLabel = "N", description = "Organisations (tenants) (default: ${DEFAULT-VALUE}).")
    int orgs = AnalyticsSettings.DEFAULT_ORGS;

    @Option(names = "--users-per-org", paramLabel = "N", description = "Users per organisation (default: ${DEFAULT-VALUE}).")
    int usersPerOrg = AnalyticsSettings.DEFAULT_USERS_PER_ORG;

    @Option(names = "--time-buckets", paramLabel = "HOURS", description = "Hourly analytics buckets (default: ${DEFAULT-VALUE}).")
    int timeBuckets = AnalyticsSettings.DEFAULT_TIME_BUCKETS;

    @Option(names = "--ttl", paramLabel = "SECONDS", description = "TTL of the cache entries, 0 for none (default: ${DEFAULT-VALUE}).")
    int ttlSeconds = AnalyticsSettings.DEFAULT_TTL_SECONDS;

    @Option(names = "--redis-type", paramLabel = "TYPE",
            description = "Data type of the cache entries: string, json (needs RedisJSON), hash, list, set, sorted-set (default: ${DEFAULT-VALUE}).")
    String redisType = RedisDataType.STRING.optionValue();

    @Option(names = "--cache-hit-target", paramLabel = "PERCENT",
            description = "Hit ratio the warmed cache gives the 70/20 dashboard/filtered query mix (default: ${DEFAULT-VALUE}).")
    double cacheHitTargetPercent = AnalyticsSettings.DEFAULT_CACHE_HIT_TARGET_PERCENT;

    @Option(names = "--key-prefix", paramLabel = "PREFIX", description = "Prefix of every Redis key (default: ${DEFAULT-VALUE}).")
    String keyPrefix = AnalyticsSettings.DEFAULT_KEY_PREFIX;

    @Option(names = "--resp-out", paramLabel = "FILE",
            description = "Also write the Redis fill's commands to FILE as RESP, for replay with redis-cli --pipe.")
    java.nio.file.Path respOut;

    /** The settings these options describe, with the common seed and rows; throws naming a bad option. */
    public AnalyticsSettings settings(long seed, long events) {
        return new AnalyticsSettings(seed, events, orgs, usersPerOrg, timeBuckets, ttlSeconds,
                RedisDataType.parse(redisType), cacheHitTargetPercent, keyPrefix, AnalyticsSettings.DEFAULT_WINDOW_START);
    }

    @Override
    public SortedMap<String, Object> values() {
        SortedMap<String, Object> values = new TreeMap<>();
        values.put("orgs", orgs);
        values.put("users-per-org", usersPerOrg);
        values.put("time-buckets", timeBuckets);
        values.put("ttl", ttlSeconds);
        values.put("redis-type", redisType);
        values.put("cache-hit-target", cacheHitTargetPercent);
        values.put("key-prefix", keyPrefix);
        values.put("resp-out", respOut == null ? null : respOut.toString());
        return values;
    }
}
