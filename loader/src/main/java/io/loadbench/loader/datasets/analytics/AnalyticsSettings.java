package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.spi.InvalidOptionException;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The analytics dataset's own settings, validated at construction: invalid values are rejected with the
 * option's name, never repaired. The number of events is the common {@code --rows}, the seed the common
 * {@code --seed}.
 *
 * @param orgs                  organisations ({@code --orgs})
 * @param usersPerOrg           users per organisation ({@code --users-per-org})
 * @param timeBuckets           hourly buckets in the window ({@code --time-buckets})
 * @param ttlSeconds            TTL of cache entries, 0 for none ({@code --ttl})
 * @param redisType             data type of the cache entries ({@code --redis-type})
 * @param cacheHitTargetPercent hit ratio the warmed cache gives a uniform workload ({@code --cache-hit-target})
 * @param keyPrefix             prefix of every Redis key ({@code --key-prefix})
 * @param windowStart           first hour of the window (UTC, whole hour)
 * @param respOut               where to also write the Redis fill's commands as RESP, for replay with
 *                              {@code redis-cli --pipe}; null for none ({@code --resp-out})
 */
public record AnalyticsSettings(int orgs, int usersPerOrg, int timeBuckets, int ttlSeconds, RedisDataType redisType,
                                double cacheHitTargetPercent, String keyPrefix, Instant windowStart, Path respOut) {

    /** The seed's organisation count. */
    public static final int DEFAULT_ORGS = 500;
    /** The seed's users per organisation. */
    public static final int DEFAULT_USERS_PER_ORG = 1_000;
    /** The seed's hourly analytics buckets. */
    public static final int DEFAULT_TIME_BUCKETS = 24;
    /** The seed's CACHE_TTL. */
    public static final int DEFAULT_TTL_SECONDS = 300;
    /** The seed's CACHE_HIT_TARGET. */
    public static final double DEFAULT_CACHE_HIT_TARGET_PERCENT = 95.0;
    public static final String DEFAULT_KEY_PREFIX = "lb:analytics";
    /** A fixed window start keeps loads reproducible; a Monday, so business hours look like a weekday. */
    public static final Instant DEFAULT_WINDOW_START = Instant.parse("2026-01-05T00:00:00Z");
    /** Events in the PostgreSQL table when {@code --rows} is not given. */
    public static final long DEFAULT_EVENTS = 1_000_000;

    public static final AnalyticsSettings DEFAULTS = new AnalyticsSettings(DEFAULT_ORGS, DEFAULT_USERS_PER_ORG,
            DEFAULT_TIME_BUCKETS, DEFAULT_TTL_SECONDS, RedisDataType.STRING, DEFAULT_CACHE_HIT_TARGET_PERCENT,
            DEFAULT_KEY_PREFIX, DEFAULT_WINDOW_START, null);

    public AnalyticsSettings {
        if (orgs < 1 || orgs > 1_000_000) {
            throw new InvalidOptionException("--orgs", "must be 1-1000000, got " + orgs);
        }
        if (usersPerOrg < 1 || (long) orgs * usersPerOrg > 100_000_000L) {
            throw new InvalidOptionException("--users-per-org",
                    "must be at least 1 and orgs x users-per-org at most 100000000, got " + usersPerOrg);
        }
        if (timeBuckets < 1 || timeBuckets > 24 * 366) {
            throw new InvalidOptionException("--time-buckets", "must be 1-8784 hours, got " + timeBuckets);
        }
        if (ttlSeconds < 0) {
            throw new InvalidOptionException("--ttl", "must be 0 (no expiry) or more seconds, got " + ttlSeconds);
        }
        if (redisType == null) {
            throw new InvalidOptionException("--redis-type", "must be one of " + RedisDataType.choices());
        }
        if (!(cacheHitTargetPercent >= 0 && cacheHitTargetPercent <= 100)) {
            throw new InvalidOptionException("--cache-hit-target", "must be 0-100 percent, got " + cacheHitTargetPercent);
        }
        if (keyPrefix == null || !keyPrefix.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new InvalidOptionException("--key-prefix",
                    "must be 1-64 characters from [A-Za-z0-9_.:-] (no glob characters), got '" + keyPrefix + "'");
        }
        if (windowStart == null || !windowStart.truncatedTo(ChronoUnit.HOURS).equals(windowStart)) {
            throw new InvalidOptionException("--window-start", "must be a whole UTC hour, got " + windowStart);
        }
    }

    /** These settings with another tenant layout: organisations, users per organisation and hourly buckets. */
    public AnalyticsSettings withTenants(int newOrgs, int newUsersPerOrg, int newTimeBuckets) {
        return new AnalyticsSettings(newOrgs, newUsersPerOrg, newTimeBuckets, ttlSeconds, redisType, cacheHitTargetPercent,
                keyPrefix, windowStart, respOut);
    }

    /** These settings with another cache entry TTL and Redis key prefix. */
    public AnalyticsSettings withCache(int newTtlSeconds, String newKeyPrefix) {
        return new AnalyticsSettings(orgs, usersPerOrg, timeBuckets, newTtlSeconds, redisType, cacheHitTargetPercent,
                newKeyPrefix, windowStart, respOut);
    }

    /** Rows of {@code analytics_users}. */
    public long users() {
        return (long) orgs * usersPerOrg;
    }

    /** Counter keys: one per organisation, event type and bucket. */
    public long counterKeys() {
        return (long) orgs * EventType.all().length * timeBuckets;
    }
}
