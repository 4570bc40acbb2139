package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.sink.redis.RedisCommandWriter;
import io.loadbench.results.shard.Shard;

import java.util.Optional;

/**
 * Writes the Redis content of the analytics dataset as commands: per organisation its counters, its
 * dashboard-overview entry and its warmed filtered-query entries, in the data type the settings name.
 * Every command is idempotent (SET, HSET, SADD, ZADD overwrite; a list is deleted before RPUSH), so an
 * interrupted fill is redone by running it again. The key scheme is documented in the package
 * documentation. Confined to one thread.
 */
public final class AnalyticsRedisWriter {

    /** Five-minute slices of an hour, the series a list/set/sorted-set filtered entry holds. */
    static final int SLICES_PER_HOUR = 12;

    private final AnalyticsLayout layout;
    private final AnalyticsSettings settings;
    private final AnalyticsKeys keys;
    private final CacheWarming warming;
    private final StringBuilder json = new StringBuilder(1024);
    private final StringBuilder key = new StringBuilder(96);
    private final String counterPrefix;
    private final String filteredPrefix;
    private long keysWritten;
    private long dashboardsWarmed;
    private long filteredWarmed;

    public AnalyticsRedisWriter(AnalyticsLayout layout) {
        this.layout = layout;
        this.settings = layout.settings();
        this.keys = new AnalyticsKeys(settings.keyPrefix());
        this.warming = new CacheWarming(layout.seed(), settings.cacheHitTargetPercent());
        this.counterPrefix = settings.keyPrefix() + ":cnt:";
        this.filteredPrefix = settings.keyPrefix() + ":q:";
    }

    /** {@code <prefix><org>:<type>:<bucket>} in the reusable key builder (no allocation per key). */
    private StringBuilder cellKey(String prefix, int orgId, EventType type, int bucket) {
        key.setLength(0);
        return key.append(prefix).append(orgId).append(':').append(type.code()).append(':').append(bucket);
    }

    /** Keys the whole fill writes (counters, warmed entries, the meta key); computed without writing. */
    public static long keysOf(AnalyticsLayout layout) {
        return 1 + keysOf(layout, Optional.empty());
    }

    /**
     * Keys {@link #writeOrg} writes for the organisations of {@code shard} (organisation {@code org}, 0-based, is
     * shard {@code org mod N}'s; all of them when empty), without the meta key; computed without writing.
     */
    public static long keysOf(AnalyticsLayout layout, Optional<Shard> shard) {
        AnalyticsSettings s = layout.settings();
        CacheWarming warming = new CacheWarming(layout.seed(), s.cacheHitTargetPercent());
        long countersPerOrg = (long) EventType.all().length * s.timeBuckets();
        long count = 0;
        for (int org = 0; org < s.orgs(); org++) {
            if (shard.isPresent() && !shard.get().owns(org)) {
                continue;
            }
            count += countersPerOrg;
            if (warming.warmsDashboard(org)) {
                count++;
            }
            for (EventType type : EventType.all()) {
                for (int b = 0; b < s.timeBuckets(); b++) {
                    if (warming.warmsFiltered(org, type, b, s.timeBuckets())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** Writes everything of organisation {@code org} (0-based). */
    public void writeOrg(int org, RedisCommandWriter out) {
        int orgId = org + 1;
        long[][] cells = layout.cellsOf(org);
        EventType[] types = EventType.all();
        int buckets = settings.timeBuckets();
        for (EventType type : types) {
            long[] perBucket = cells[type.ordinal()];
            for (int b = 0; b < buckets; b++) {
                out.begin(3).arg("SET").arg(cellKey(counterPrefix, orgId, type, b)).arg(perBucket[b]).end();
                keysWritten++;
            }
        }
        if (warming.warmsDashboard(org)) {
            writeDashboard(orgId, cells, out);
            dashboardsWarmed++;
            keysWritten++;
        }
        for (EventType type : types) {
            long typeTotal = sum(cells[type.ordinal()]);
            for (int b = 0; b < buckets; b++) {
                if (warming.warmsFiltered(org, type, b, buckets)) {
                    writeFiltered(orgId, type, b, cells[type.ordinal()][b], typeTotal, out);
                    filteredWarmed++;
                    keysWritten++;
                }
            }
        }
    }

    /**
     * Counts what {@link #writeOrg} would warm for organisation {@code org} without writing anything, so that a
     * writer that wrote no organisation itself (the finish step of a sharded fill) writes the same meta hash as one
     * that wrote them all.
     */
    public void countOrg(int org) {
        if (warming.warmsDashboard(org)) {
            dashboardsWarmed++;
        }
        int buckets = settings.timeBuckets();
        for (EventType type : EventType.all()) {
            for (int b = 0; b < buckets; b++) {
                if (warming.warmsFiltered(org, type, b, buckets)) {
                    filteredWarmed++;
                }
            }
        }
    }

    /**
     * Writes the meta hash. Call after every organisation, so that it reports the fractions actually
     * warmed; a workload can treat its presence as "the fill completed".
     */
    public void writeMeta(RedisCommandWriter out) {
        long filteredKeys = settings.counterKeys();
        double dashboardShare = (double) dashboardsWarmed / settings.orgs();
        double filteredShare = (double) filteredWarmed / filteredKeys;
        String[][] fields = {
                {"schema_version", "1"},
                {"orgs", Integer.toString(settings.orgs())},
                {"users_per_org", Integer.toString(settings.usersPerOrg())},
                {"time_buckets", Integer.toString(settings.timeBuckets())},
                {"window_start_epoch_s", Long.toString(settings.windowStart().getEpochSecond())},
                {"event_types", "page_view,click,conversion,sign_up,purchase"},
                {"redis_type", settings.redisType().optionValue()},
                {"ttl_s", Integer.toString(settings.ttlSeconds())},
                {"cache_hit_target_pct", Double.toString(settings.cacheHitTargetPercent())},
                {"dashboards_warmed", Long.toString(dashboardsWarmed)},
                {"filtered_warmed", Long.toString(filteredWarmed)},
                {"filtered_keys", Long.toString(filteredKeys)},
                {"expected_hit_pct", Double.toString(CacheWarming.expectedHitPercent(dashboardShare, filteredShare))},
                {"seed", Long.toString(layout.seed())},
        };
        out.begin(2).arg("DEL").arg(keys.meta()).end();
        out.begin(2 + 2 * fields.length).arg("HSET").arg(keys.meta());
        for (String[] field : fields) {
            out.arg(field[0]).arg(field[1]);
        }
        out.end();
        keysWritten++;
    }

    public long keysWritten() {
        return keysWritten;
    }

    public long dashboardsWarmed() {
        return dashboardsWarmed;
    }

    public long filteredWarmed() {
        return filteredWarmed;
    }

    private void writeDashboard(int orgId, long[][] cells, RedisCommandWriter out) {
        String key = keys.dashboard(orgId);
        EventType[] types = EventType.all();
        int buckets = settings.timeBuckets();
        long[] typeTotals = new long[types.length];
        long total = 0;
        for (EventType type : types) {
            typeTotals[type.ordinal()] = sum(cells[type.ordinal()]);
            total += typeTotals[type.ordinal()];
        }
        String conversionRate = ratio(typeTotals[EventType.CONVERSION.ordinal()], typeTotals[EventType.PAGE_VIEW.ordinal()]);
        switch (settings.redisType()) {
            case STRING, JSON -> {
                json.setLength(0);
                json.append("{\"org_id\":").append(orgId).append(",\"events\":").append(total).append(",\"by_type\":{");
                for (EventType type : types) {
                    json.append(type.ordinal() == 0 ? "" : ",").append('"').append(type.code()).append("\":")
                            .append(typeTotals[type.ordinal()]);
                }
                json.append("},\"conversion_rate\":").append(conversionRate).append(",\"hourly\":[");
                for (int b = 0; b < buckets; b++) {
                    json.append(b == 0 ? "" : ",").append(bucketTotal(cells, b));
                }
                json.append("]}");
                writeJsonValue(key, out);
            }
            case HASH -> {
                out.begin(2 + 2 * (2 + types.length + buckets)).arg("HSET").arg(key)
                        .arg("events").arg(total).arg("conversion_rate").arg(conversionRate);
                for (EventType type : types) {
                    out.arg(type.code()).arg(typeTotals[type.ordinal()]);
                }
                for (int b = 0; b < buckets; b++) {
                    out.arg("h" + b).arg(bucketTotal(cells, b));
                }
                out.end();
                expire(key, out);
            }
            case LIST -> {
                out.begin(2).arg("DEL").arg(key).end();
                out.begin(2 + buckets).arg("RPUSH").arg(key);
                for (int b = 0; b < buckets; b++) {
                    out.arg(bucketTotal(cells, b));
                }
                out.end();
                expire(key, out);
            }
            case SET -> {
                out.begin(2 + types.length).arg("SADD").arg(key);
                for (EventType type : types) {
                    out.arg(type.code() + ":" + typeTotals[type.ordinal()]);
                }
                out.end();
                expire(key, out);
            }
            case SORTED_SET -> {
                out.begin(2 + 2 * types.length).arg("ZADD").arg(key);
                for (EventType type : types) {
                    out.arg(typeTotals[type.ordinal()]).arg(type.code());
                }
                out.end();
                expire(key, out);
            }
            default -> throw new IllegalStateException("unhandled Redis type " + settings.redisType());
        }
    }

    private void writeFiltered(int orgId, EventType type, int bucket, long events, long typeTotal,
                               RedisCommandWriter out) {
        CharSequence key = cellKey(filteredPrefix, orgId, type, bucket);
        switch (settings.redisType()) {
            case STRING, JSON -> {
                json.setLength(0);
                json.append("{\"org_id\":").append(orgId).append(",\"event_type\":\"").append(type.code())
                        .append("\",\"bucket\":").append(bucket).append(",\"events\":").append(events)
                        .append(",\"share_of_type\":");
                appendRatio(json, events, typeTotal);
                json.append(",\"per_minute\":");
                appendRatio(json, events, 60);
                json.append('}');
                writeJsonValue(key, out);
                return;
            }
            default -> {
                // the other types build their arguments below
            }
        }
        String keyText = key.toString();
        String share = ratio(events, typeTotal);
        String perMinute = ratio(events, 60);
        switch (settings.redisType()) {
            case HASH -> {
                out.begin(8).arg("HSET").arg(keyText).arg("events").arg(events).arg("share_of_type").arg(share)
                        .arg("per_minute").arg(perMinute).end();
                expire(keyText, out);
            }
            case LIST -> {
                long[] slices = slices(events);
                out.begin(2).arg("DEL").arg(keyText).end();
                out.begin(2 + SLICES_PER_HOUR).arg("RPUSH").arg(keyText);
                for (long slice : slices) {
                    out.arg(slice);
                }
                out.end();
                expire(keyText, out);
            }
            case SET -> {
                long[] slices = slices(events);
                out.begin(2 + SLICES_PER_HOUR).arg("SADD").arg(keyText);
                for (int s = 0; s < SLICES_PER_HOUR; s++) {
                    out.arg("m" + (s * 5) + ":" + slices[s]);
                }
                out.end();
                expire(keyText, out);
            }
            case SORTED_SET -> {
                long[] slices = slices(events);
                out.begin(2 + 2 * SLICES_PER_HOUR).arg("ZADD").arg(keyText);
                for (int s = 0; s < SLICES_PER_HOUR; s++) {
                    out.arg(slices[s]).arg("m" + (s * 5));
                }
                out.end();
                expire(keyText, out);
            }
            default -> throw new IllegalStateException("unhandled Redis type " + settings.redisType());
        }
    }

    private void writeJsonValue(CharSequence key, RedisCommandWriter out) {
        if (settings.redisType() == RedisDataType.JSON) {
            out.begin(4).arg("JSON.SET").arg(key).arg("$").arg(json).end();
            expire(key, out);
        } else if (settings.ttlSeconds() > 0) {
            out.begin(5).arg("SET").arg(key).arg(json).arg("EX").arg(settings.ttlSeconds()).end();
        } else {
            out.begin(3).arg("SET").arg(key).arg(json).end();
        }
    }

    private void expire(CharSequence key, RedisCommandWriter out) {
        if (settings.ttlSeconds() > 0) {
            out.begin(3).arg("EXPIRE").arg(key).arg(settings.ttlSeconds()).end();
        }
    }

    /** An hour's events split evenly into twelve five-minute slices (earlier slices take the remainder). */
    static long[] slices(long events) {
        long[] slices = new long[SLICES_PER_HOUR];
        for (int s = 0; s < SLICES_PER_HOUR; s++) {
            slices[s] = events / SLICES_PER_HOUR + (s < events % SLICES_PER_HOUR ? 1 : 0);
        }
        return slices;
    }

    private static long bucketTotal(long[][] cells, int bucket) {
        long total = 0;
        for (long[] perBucket : cells) {
            total += perBucket[bucket];
        }
        return total;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    /** Appends {@code numerator / denominator} with four decimals, as {@link #ratio} formats it. */
    static void appendRatio(StringBuilder out, long numerator, long denominator) {
        if (denominator == 0) {
            out.append('0');
            return;
        }
        long scaled = Math.round(numerator * 10_000.0 / denominator);
        long fraction = scaled % 10_000;
        out.append(scaled / 10_000).append('.');
        for (long unit = 1_000; unit > fraction && unit > 1; unit /= 10) {
            out.append('0');
        }
        out.append(fraction);
    }

    /** {@code numerator / denominator} with four decimals, locale-free ({@code 0} when the denominator is 0). */
    static String ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return "0";
        }
        long scaled = Math.round(numerator * 10_000.0 / denominator);
        long whole = scaled / 10_000;
        long fraction = scaled % 10_000;
        String digits = Long.toString(fraction + 10_000).substring(1);
        return whole + "." + digits;
    }
}
