package io.loadbench.scenarios.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.rowCount;
import static io.loadbench.scenarios.protocol.Datastore.sql;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SeededDraws;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import io.loadbench.scenarios.run.Slo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 000, the event analytics challenge: {@code users} concurrent analysts (closed model) running the seed's
 * verification queries over the {@code events} dataset (distribution by event type, by country, by hour of
 * day, and the top 20 users), one query each, back to back, for {@code duration}. Hours are UTC, whatever the
 * server's time zone.
 *
 * <p>Presets: smoke, demo (1M events), full (the seed's 20M phase). Options: rows, seed, users, duration,
 * p99Limit, plus the common ones ({@link Presets}).
 */
public class EventAnalyticsSimulation extends Simulation {

    static final Map<String, String> QUERIES = Map.of(
            "by type", "SELECT event_type, count(*) AS n, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct"
                    + " FROM events GROUP BY event_type ORDER BY n DESC",
            "by country", "SELECT country_code, count(*) AS n, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct"
                    + " FROM events GROUP BY country_code ORDER BY n DESC",
            "by hour", "SELECT extract(hour FROM event_time AT TIME ZONE 'UTC') AS hour, count(*) AS n"
                    + " FROM events GROUP BY 1 ORDER BY 1",
            "top users", "SELECT user_id, count(*) AS event_count FROM events GROUP BY user_id"
                    + " ORDER BY event_count DESC LIMIT 20");
    static final List<String> NAMES = List.of("by type", "by country", "by hour", "top users");

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("rows", "20M", "seed", "42", "users", "8", "duration", "120s", "p99Limit", "60000ms"),
            Map.of(
                    "smoke", Presets.values("rows", "20000", "users", "4", "duration", "8s", "warmup", "2s",
                            "pgPool", "4", "p99Limit", "2000ms"),
                    "demo", Presets.values("rows", "1M", "users", "8", "duration", "60s", "warmup", "10s",
                            "pgPool", "8", "p99Limit", "10000ms"),
                    "full", Presets.values("warmup", "20s", "pgPool", "8", "queryTimeout", "300s")));

    private static final Duration RAMP = Duration.ofSeconds(1);

    /** What {@code loadbench workloads} lists and {@code loadbench run event-analytics} runs. */
    public static final Workload WORKLOAD = new Workload("event-analytics", "event-analytics", EventAnalyticsSimulation.class.getName(),
            "Analysts running the seed's verification queries over the events dataset, back to back",
            "seed 000: the event analytics challenge", "closed", PRESETS,
            Map.ofEntries(Map.entry("users", "users"), Map.entry("duration", "duration"), Map.entry("connections", "pgPool")),
            Map.ofEntries(Map.entry("rows", "rows of the events dataset (count; 20M accepted)"), Map.entry("seed", "root seed of the data and of every random draw"), Map.entry("users", "concurrent analysts (count)"), Map.entry("duration", "length of the load (duration)"), Map.entry("p99Limit", "SLO: intended p99 of each query (duration)")));

    private final SimulationRun run = SimulationRun.open(WORKLOAD, EventAnalyticsSimulation::plan);
    private final SimulationOptions options = run.options();
    private final int users = options.positiveInt("users");

    private final ChainBuilder analysis = exec(SeededDraws.of(options.positiveLong("seed"), random -> Map.of("query", NAMES.get(random.nextInt(NAMES.size())))))
            .exec(doSwitch("#{query}").on(
                    onCase("by type").then(exec(sql("events by type").query(QUERIES.get("by type")).check(rowCount().between(1, 50)))),
                    onCase("by country").then(exec(sql("events by country").query(QUERIES.get("by country")).check(rowCount().between(1, 300)))),
                    onCase("by hour").then(exec(sql("events by hour").query(QUERIES.get("by hour")).check(rowCount().between(1, 24)))),
                    onCase("top users").then(exec(sql("top users").query(QUERIES.get("top users")).check(rowCount().between(1, 20))))));

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        run.slos(List.of(
                Slo.intended("events by type", 99.0, options.positiveDuration("p99Limit")),
                Slo.intended("top users", 99.0, options.positiveDuration("p99Limit"))));
        // every analyst arrives within the first second, then queries in a loop without think time
        setUp(run.closedModel("analysts", users, RAMP, options.positiveDuration("duration").minus(RAMP), options.positiveLong("seed"), analysis)
                .andThen(verdict.injectOpen(atOnceUsers(1))))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(options.positiveDuration("duration")));
    }

    private static Map<String, Object> plan(SimulationOptions options) {
        Map<String, Object> plan = new TreeMap<>();
        for (String key : List.of("rows", "seed", "users", "duration")) {
            plan.put(key, options.string(key));
        }
        plan.put("dataset", "events");
        return plan;
    }

    @Override
    public void before() {
        run.begin(() -> {
            run.prepareDataset(options.positiveLong("seed"), options.positiveLong("rows"), io.loadbench.loader.datasets.events.EventsSettings.DEFAULTS);
        });
    }

    @Override
    public void after() {
        run.close();
    }
}
