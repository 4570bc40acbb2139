package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.DatasetContext;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies the analytics Redis content against PostgreSQL: every counter equals the number of events of
 * its (organisation, type, hour) in {@code analytics_events}, the warmed cache entries exist with the
 * data type asked for, and the meta key is present. Cache entries carry a TTL, so this check is meant
 * to run right after the load (a later {@code verify} reports expired entries as missing).
 */
final class AnalyticsRedisCheck implements Check {

    private static final int CHUNK = 1_000;

    private final AnalyticsLayout layout;
    private final AnalyticsKeys keys;

    AnalyticsRedisCheck(AnalyticsLayout layout) {
        this.layout = layout;
        this.keys = new AnalyticsKeys(layout.settings().keyPrefix());
    }

    @Override
    public String name() {
        return "analytics redis";
    }

    @Override
    public CheckResult run(DatasetContext context) throws Exception {
        AnalyticsSettings s = layout.settings();
        Map<String, Long> eventsPerCell = new HashMap<>();
        try (Connection connection = context.openPostgres(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT org_id, event_type, hour_bucket, count(*) FROM "
                     + AnalyticsDataset.EVENTS + " GROUP BY 1, 2, 3")) {
            while (rs.next()) {
                eventsPerCell.put(rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getInt(3), rs.getLong(4));
            }
        }
        CacheWarming warming = new CacheWarming(layout.seed(), s.cacheHitTargetPercent());
        long matching = 0;
        long dashboardsExpected = 0;
        long dashboardsFound = 0;
        long filteredExpected = 0;
        long filteredFound = 0;
        long wrongType = 0;
        String expectedType = switch (s.redisType()) {
            case STRING -> "string";
            case JSON -> "ReJSON-RL";
            case HASH -> "hash";
            case LIST -> "list";
            case SET -> "set";
            case SORTED_SET -> "zset";
        };
        try (Jedis jedis = context.openRedis()) {
            List<String> counterKeys = new ArrayList<>(CHUNK);
            List<Long> expected = new ArrayList<>(CHUNK);
            for (int org = 0; org < s.orgs(); org++) {
                for (EventType type : EventType.all()) {
                    for (int b = 0; b < s.timeBuckets(); b++) {
                        counterKeys.add(keys.counter(org + 1, type, b));
                        expected.add(eventsPerCell.getOrDefault((org + 1) + ":" + type.code() + ":" + b, 0L));
                        if (counterKeys.size() == CHUNK) {
                            matching += matches(jedis, counterKeys, expected);
                        }
                        if (warming.warmsFiltered(org, type, b, s.timeBuckets())) {
                            filteredExpected++;
                        }
                    }
                }
                if (warming.warmsDashboard(org)) {
                    dashboardsExpected++;
                    String type = jedis.type(keys.dashboard(org + 1));
                    if (!"none".equals(type)) {
                        dashboardsFound++;
                        if (!expectedType.equals(type)) {
                            wrongType++;
                        }
                    }
                }
            }
            matching += matches(jedis, counterKeys, expected);
            filteredFound = countExisting(jedis, s.keyPrefix() + ":q:*");
            boolean meta = jedis.exists(keys.meta());
            return new CheckResult(name(), List.of(
                    new CheckResult.Line("counters equal to events per org/type/hour", s.counterKeys(), matching, 0, "keys"),
                    new CheckResult.Line("dashboard entries present (TTL " + s.ttlSeconds() + " s)", dashboardsExpected,
                            dashboardsFound, 0, "keys"),
                    new CheckResult.Line("dashboard entries of type " + expectedType, 0, wrongType, 0, "keys"),
                    new CheckResult.Line("filtered-query entries present (TTL " + s.ttlSeconds() + " s)", filteredExpected,
                            filteredFound, 0, "keys"),
                    new CheckResult.Line("meta key present", 1, meta ? 1 : 0, 0, "keys")));
        }
    }

    private static long matches(Jedis jedis, List<String> counterKeys, List<Long> expected) {
        if (counterKeys.isEmpty()) {
            return 0;
        }
        List<String> values = jedis.mget(counterKeys.toArray(String[]::new));
        long matching = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && Long.parseLong(values.get(i)) == expected.get(i)) {
                matching++;
            }
        }
        counterKeys.clear();
        expected.clear();
        return matching;
    }

    private static long countExisting(Jedis jedis, String pattern) {
        long count = 0;
        String cursor = redis.clients.jedis.params.ScanParams.SCAN_POINTER_START;
        redis.clients.jedis.params.ScanParams params = new redis.clients.jedis.params.ScanParams().match(pattern).count(1_000);
        do {
            redis.clients.jedis.resps.ScanResult<String> page = jedis.scan(cursor, params);
            count += page.getResult().size();
            cursor = page.getCursor();
        } while (!redis.clients.jedis.params.ScanParams.SCAN_POINTER_START.equals(cursor));
        return count;
    }
}
