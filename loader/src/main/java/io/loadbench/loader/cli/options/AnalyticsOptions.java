package io.loadbench.loader.cli.options;

import io.loadbench.loader.datasets.analytics.AnalyticsSettings;
import io.loadbench.loader.datasets.analytics.RedisDataType;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The analytics dataset's own options, mapped onto {@link AnalyticsSettings}; {@code --rows} is the number of events. */
final class AnalyticsOptions implements DatasetOptions<AnalyticsSettings> {

    @Option(names = "--orgs", paramLabel = "N", description = "Organisations (tenants) (default: ${DEFAULT-VALUE}).")
    int orgs = AnalyticsSettings.DEFAULTS.orgs();

    @Option(names = "--users-per-org", paramLabel = "N", description = "Users per organisation (default: ${DEFAULT-VALUE}).")
    int usersPerOrg = AnalyticsSettings.DEFAULTS.usersPerOrg();

    @Option(names = "--time-buckets", paramLabel = "HOURS", description = "Hourly analytics buckets (default: ${DEFAULT-VALUE}).")
    int timeBuckets = AnalyticsSettings.DEFAULTS.timeBuckets();

    @Option(names = "--ttl", paramLabel = "SECONDS", description = "TTL of the cache entries, 0 for none (default: ${DEFAULT-VALUE}).")
    int ttlSeconds = AnalyticsSettings.DEFAULTS.ttlSeconds();

    @Option(names = "--redis-type", paramLabel = "TYPE",
            description = "Data type of the cache entries: string, json (needs RedisJSON), hash, list, set, sorted-set (default: ${DEFAULT-VALUE}).")
    String redisType = AnalyticsSettings.DEFAULTS.redisType().optionValue();

    @Option(names = "--cache-hit-target", paramLabel = "PERCENT",
            description = "Hit ratio the warmed cache gives the 70/20 dashboard/filtered query mix (default: ${DEFAULT-VALUE}).")
    double cacheHitTargetPercent = AnalyticsSettings.DEFAULTS.cacheHitTargetPercent();

    @Option(names = "--key-prefix", paramLabel = "PREFIX", description = "Prefix of every Redis key (default: ${DEFAULT-VALUE}).")
    String keyPrefix = AnalyticsSettings.DEFAULTS.keyPrefix();

    @Option(names = "--resp-out", paramLabel = "FILE",
            description = "Also write the Redis fill's commands to FILE as RESP, for replay with redis-cli --pipe.")
    Path respOut = AnalyticsSettings.DEFAULTS.respOut();

    @Override
    public AnalyticsSettings settings() {
        return new AnalyticsSettings(orgs, usersPerOrg, timeBuckets, ttlSeconds, RedisDataType.parse(redisType),
                cacheHitTargetPercent, keyPrefix, AnalyticsSettings.DEFAULTS.windowStart(), respOut);
    }
}
