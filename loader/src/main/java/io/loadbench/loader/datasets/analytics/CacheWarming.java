package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.random.Seeds;

/**
 * Which cache entries a load warms, so that the cache workload starts at its hit-ratio target.
 *
 * <p>The analytics seed's query mix is 70% dashboard overview, 20% filtered queries and 10% real-time
 * stats (never cached, read from the counters). The hit ratio counts the cacheable lookups only:
 * {@code hit = (0.70 × d + 0.20 × f) / 0.90}, where {@code d} and {@code f} are the warmed fractions of the
 * dashboard and filtered key spaces, provided the workload picks its keys independently of this choice
 * (uniformly, or Zipf over organisations: both work, because the warmed subset is an unbiased hash
 * sample). Dashboards are warmed first (they are the "high hit" queries): for a 95% target, {@code d = 1}
 * and {@code f = (0.95 × 0.90 - 0.70) / 0.20 = 0.775}; below 77.8% no filtered entry is warmed.
 *
 * <p>An entry is warmed when {@code u < fraction}, {@code u} a uniform draw from the seed and the entry's
 * index, so the choice is reproducible and the realised fractions (reported in the meta key) are within a
 * fraction of a percent of the targets at the default scale.
 */
public final class CacheWarming {

    /** Share of queries that read the dashboard overview (the seed's 70%). */
    public static final double DASHBOARD_QUERY_SHARE = 0.70;
    /** Share of queries that are filtered queries (the seed's 20%). */
    public static final double FILTERED_QUERY_SHARE = 0.20;
    /** Share of real-time stats queries, never cached (the seed's 10%). */
    public static final double REALTIME_QUERY_SHARE = 0.10;

    private static final double UNIT = 0x1.0p-53;

    private final double dashboardFraction;
    private final double filteredFraction;
    private final long dashboardSeed;
    private final long filteredSeed;

    public CacheWarming(long seed, double hitTargetPercent) {
        double cacheable = DASHBOARD_QUERY_SHARE + FILTERED_QUERY_SHARE;
        double needed = hitTargetPercent / 100.0 * cacheable;
        if (needed >= DASHBOARD_QUERY_SHARE) {
            this.dashboardFraction = 1.0;
            this.filteredFraction = Math.min(1.0, (needed - DASHBOARD_QUERY_SHARE) / FILTERED_QUERY_SHARE);
        } else {
            this.dashboardFraction = needed / DASHBOARD_QUERY_SHARE;
            this.filteredFraction = 0.0;
        }
        this.dashboardSeed = Seeds.derive(seed, "analytics/warm/dashboard");
        this.filteredSeed = Seeds.derive(seed, "analytics/warm/filtered");
    }

    public double dashboardFraction() {
        return dashboardFraction;
    }

    public double filteredFraction() {
        return filteredFraction;
    }

    /** Whether the dashboard entry of organisation {@code org} (0-based) is warmed. */
    public boolean warmsDashboard(int org) {
        return uniform(dashboardSeed, org) < dashboardFraction;
    }

    /** Whether the filtered entry of {@code (org, type, bucket)} is warmed. */
    public boolean warmsFiltered(int org, EventType type, int bucket, int timeBuckets) {
        long index = ((long) org * EventType.all().length + type.ordinal()) * timeBuckets + bucket;
        return uniform(filteredSeed, index) < filteredFraction;
    }

    /** The hit ratio, in percent, a workload sees given the fractions actually warmed. */
    public static double expectedHitPercent(double dashboardWarmed, double filteredWarmed) {
        return 100.0 * (DASHBOARD_QUERY_SHARE * dashboardWarmed + FILTERED_QUERY_SHARE * filteredWarmed)
                / (DASHBOARD_QUERY_SHARE + FILTERED_QUERY_SHARE);
    }

    private static double uniform(long seed, long index) {
        return (Seeds.derive(seed, index) >>> 11) * UNIT;
    }
}
