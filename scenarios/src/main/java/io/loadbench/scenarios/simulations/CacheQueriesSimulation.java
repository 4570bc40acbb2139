package io.loadbench.scenarios.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.column;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.RedisCommands.GET;
import static io.loadbench.scenarios.protocol.RedisCommands.INCR;
import static io.loadbench.scenarios.protocol.RedisCommands.SETEX;
import static io.loadbench.scenarios.protocol.Datastore.reply;
import static io.loadbench.scenarios.protocol.Datastore.rowCount;
import static io.loadbench.scenarios.protocol.Datastore.sql;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.scenarios.run.ArrivalSchedule;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SeededDraws;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import io.loadbench.scenarios.run.Slo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seed 002, "10K+ QPS analytics with a 95% cache hit ratio": an open model of {@code queriesPerSec} dashboard
 * queries (70% overview, 20% filtered, 10% real-time) with cache-aside on Redis (GET; on a miss, PostgreSQL,
 * then SETEX with the TTL), while live events arrive at {@code eventsPerSec} as Redis INCRs on the
 * {@code analytics} dataset's counters. The hit ratio of the cacheable lookups is measured per request,
 * checked against Redis {@code INFO} keyspace hits/misses and against {@code hitTarget}.
 *
 * <p>Each query is one arrival of the open model and, when it is cache-aside, one transaction ({@code dashboard},
 * {@code filtered}: GET, and on a miss the query and SETEX), timed from the GET's intended start; the SLOs judge
 * the transactions' p99.
 *
 * <p>Presets: smoke, the seed's low / demo / high / ultra, and full (the seed's defaults: 10,000 queries/s,
 * 1,000 events/s). Options: rows, seed, orgs, usersPerOrg, timeBuckets, ttl, queriesPerSec, eventsPerSec,
 * duration, hitTarget, p99Limit, keyPrefix (of every Redis key, for a shared server), plus the common ones ({@link Presets}).
 */
public class CacheQueriesSimulation extends Simulation {

    static final List<String> EVENT_TYPES = List.of("page_view", "click", "conversion", "sign_up", "purchase");
    /** The seed's event mix, in percent, in {@link #EVENT_TYPES} order. */
    static final double[] EVENT_MIX = {60.0, 28.0, 10.0, 1.5, 0.5};

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Map.ofEntries(Map.entry("rows", "1M"), Map.entry("seed", "42"), Map.entry("orgs", "500"),
                    Map.entry("usersPerOrg", "1000"), Map.entry("timeBuckets", "24"), Map.entry("ttl", "300"),
                    Map.entry("queriesPerSec", "10000"), Map.entry("eventsPerSec", "1000"), Map.entry("duration", "60s"),
                    Map.entry("hitTarget", "0.95"), Map.entry("p99Limit", "50ms"),
                    Map.entry("keyPrefix", "lb:analytics")),
            Map.of(
                    "smoke", Presets.values("rows", "20000", "orgs", "20", "usersPerOrg", "10", "queriesPerSec", "200",
                            "eventsPerSec", "50", "duration", "10s", "warmup", "2s", "pgPool", "4", "redisPool", "8", "p99Limit", "250ms",
                            // a few thousand lookups: the 95% the warmed cache gives is within sampling noise
                            "hitTarget", "0.90"),
                    "low", Map.of("queriesPerSec", "20", "eventsPerSec", "10", "duration", "60s"),
                    "demo", Presets.values("queriesPerSec", "150", "eventsPerSec", "50", "duration", "60s"),
                    "high", Map.of("queriesPerSec", "700", "eventsPerSec", "300", "duration", "60s"),
                    "ultra", Presets.values("queriesPerSec", "8000", "eventsPerSec", "2000", "duration", "60s", "warmup", "10s",
                            "pgPool", "16", "redisPool", "32"),
                    "full", Presets.values("warmup", "10s", "pgPool", "16", "redisPool", "32")));

    /** What {@code loadbench workloads} lists and {@code loadbench run cache} runs. */
    public static final Workload WORKLOAD = new Workload("cache", "cache-queries", CacheQueriesSimulation.class.getName(),
            "Dashboard queries (70% overview, 20% filtered, 10% real-time) cache-aside on Redis over PostgreSQL, plus live event INCRs",
            "seed 002: 10K+ queries/s analytics with a 95% cache hit ratio", "open", PRESETS,
            Map.ofEntries(Map.entry("rate", "queriesPerSec"), Map.entry("duration", "duration"), Map.entry("connections", "redisPool")),
            Map.ofEntries(Map.entry("rows", "rows of the analytics dataset (count; 1M, 20M accepted)"), Map.entry("seed", "root seed of the data and of every random draw"), Map.entry("orgs", "organisations queried (count)"), Map.entry("usersPerOrg", "users per organisation in the dataset (count)"), Map.entry("timeBuckets", "hour buckets per day in the dataset (count)"), Map.entry("ttl", "cache entry lifetime (seconds)"), Map.entry("queriesPerSec", "dashboard queries per second: the open model's arrival rate (arrivals/s)"), Map.entry("eventsPerSec", "live events per second, each a Redis INCR (arrivals/s)"), Map.entry("duration", "length of the load after its start (duration)"), Map.entry("hitTarget", "cache hit ratio the run must reach (fraction)"), Map.entry("p99Limit", "SLO: intended p99 of the dashboard and filtered transactions (duration)"), Map.entry("keyPrefix", "prefix of every Redis key the workload writes (for a shared server)")));

    private final SimulationRun run = SimulationRun.open(WORKLOAD, CacheQueriesSimulation::plan);
    private final SimulationOptions options = run.options();
    private final int orgs = options.positiveInt("orgs");
    private final int buckets = options.positiveInt("timeBuckets");
    private final int ttl = options.positiveInt("ttl");
    private final String prefix = options.string("keyPrefix");

    /** Cache-aside: GET; on a miss, the query, then SETEX. One transaction, timed from the GET's intended start. */
    private final ChainBuilder dashboard = run.transaction("dashboard", exec(
            redis("dashboard get").command(GET, prefix + ":dash:#{org}").check(reply().saveAs("doc")))
            .doIf(session -> !session.isFailed() && !session.contains("doc")).then(
                    exec(sql("dashboard query").query(
                                    "SELECT json_build_object('org_id', ?::int, 'events', coalesce(sum(n), 0),"
                                            + " 'by_type', coalesce(json_object_agg(event_type, n), '{}'))::text AS doc"
                                            + " FROM (SELECT event_type, count(*) AS n FROM analytics_events WHERE org_id = ?"
                                            + " GROUP BY event_type) t")
                            .params("#{org}", "#{org}").check(rowCount().is(1), column("doc").notNull().saveAs("doc")))
                    .doIf(session -> !session.isFailed()).then(
                            exec(redis("dashboard set").command(SETEX, prefix + ":dash:#{org}", ttl, "#{doc}").check(reply().is("OK"))))));

    private final ChainBuilder filtered = run.transaction("filtered", exec(
            redis("filtered get").command(GET, prefix + ":q:#{org}:#{type}:#{bucket}").check(reply().saveAs("doc")))
            .doIf(session -> !session.isFailed() && !session.contains("doc")).then(
                    exec(sql("filtered query").query(
                                    "SELECT json_build_object('org_id', ?::int, 'event_type', ?::text, 'bucket', ?::int,"
                                            + " 'events', count(*))::text AS doc FROM analytics_events"
                                            + " WHERE org_id = ? AND event_type = ? AND hour_bucket = ?")
                            .params("#{org}", "#{type}", "#{bucket}", "#{org}", "#{type}", "#{bucket}")
                            .check(rowCount().is(1), column("doc").notNull().saveAs("doc")))
                    .doIf(session -> !session.isFailed()).then(
                            exec(redis("filtered set").command(SETEX, prefix + ":q:#{org}:#{type}:#{bucket}", ttl, "#{doc}")
                                    .check(reply().is("OK"))))));

    /** Never cached: straight to PostgreSQL (Redis INFO then counts only the cacheable lookups). */
    private final ChainBuilder realtime = exec(sql("realtime query").query(
                    "SELECT event_type, count(*) AS n FROM analytics_events WHERE org_id = ? AND hour_bucket = ? GROUP BY event_type")
            .params("#{org}", "#{bucket}").check(rowCount().lte(EVENT_TYPES.size())));

    private final ChainBuilder query = exec(SeededDraws.of(options.positiveLong("seed"), this::drawQuery))
            .exec(doSwitch("#{kind}").on(
                    onCase("dashboard").then(dashboard),
                    onCase("filtered").then(filtered),
                    onCase("realtime").then(realtime)));

    private final ChainBuilder event = exec(SeededDraws.of(options.positiveLong("seed") + 1, this::drawEvent))
            .exec(redis("event incr").command(INCR, prefix + ":cnt:#{org}:#{type}:#{bucket}"));

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        int queriesPerSec = options.positiveInt("queriesPerSec");
        int eventsPerSec = options.positiveInt("eventsPerSec");
        Duration duration = options.positiveDuration("duration");
        long seed = options.positiveLong("seed");
        // judged by arrivals: a query is one arrival whether it hits (one request) or misses (three)
        run.expectHitRatio(options.ratio("hitTarget"))
                .slos(List.of(Slo.intended("dashboard", 99.0, options.positiveDuration("p99Limit")),
                        Slo.intended("filtered", 99.0, options.positiveDuration("p99Limit"))));
        setUp(run.openModel("dashboard queries", ArrivalSchedule.constant(queriesPerSec, duration), seed, query)
                        .andThen(verdict.injectOpen(atOnceUsers(1))),
                run.openModel("live events", ArrivalSchedule.constant(eventsPerSec, duration), seed + 1, event))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(duration));
    }

    private static Map<String, Object> plan(SimulationOptions options) {
        Map<String, Object> plan = new TreeMap<>();
        for (String key : List.of("rows", "seed", "orgs", "usersPerOrg", "timeBuckets", "ttl", "queriesPerSec",
                "eventsPerSec", "duration", "hitTarget")) {
            plan.put(key, options.string(key));
        }
        plan.put("dataset", "analytics");
        plan.put("queryMix", "70% dashboard, 20% filtered, 10% realtime");
        return plan;
    }

    private Map<String, Object> drawQuery(SplittableRandom random) {
        int roll = random.nextInt(100);
        String kind = roll < 70 ? "dashboard" : roll < 90 ? "filtered" : "realtime";
        return Map.of("kind", kind, "org", 1 + random.nextInt(orgs),
                "type", EVENT_TYPES.get(random.nextInt(EVENT_TYPES.size())), "bucket", random.nextInt(buckets));
    }

    private Map<String, Object> drawEvent(SplittableRandom random) {
        double roll = random.nextDouble() * 100;
        int type = 0;
        for (double cumulative = EVENT_MIX[0]; roll >= cumulative && type < EVENT_MIX.length - 1; cumulative += EVENT_MIX[++type]) {
            // walk the cumulative mix
        }
        return Map.of("org", 1 + random.nextInt(orgs), "type", EVENT_TYPES.get(type), "bucket", random.nextInt(buckets));
    }

    @Override
    public void before() {
        run.begin(() -> {
            run.prepareDataset(options.positiveLong("seed"), options.positiveLong("rows"),
                    io.loadbench.loader.datasets.analytics.AnalyticsSettings.DEFAULTS
                            .withTenants(orgs, options.positiveInt("usersPerOrg"), buckets).withCache(ttl, prefix));
        });
    }

    @Override
    public void after() {
        run.close();
    }
}
