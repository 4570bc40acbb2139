package io.loadbench.scenarios.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.column;
import static io.loadbench.scenarios.protocol.Datastore.rowCount;
import static io.loadbench.scenarios.protocol.Datastore.sql;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.loader.datasets.weather.WeatherLocations;
import io.loadbench.scenarios.protocol.SqlActionBuilder;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SeededDraws;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import io.loadbench.scenarios.run.Slo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 003, "10K users for 10M records": a closed model ramping to {@code users} concurrent users at
 * {@code rampRate} users/s, each asking in a loop for the average temperature of a location and thinking 1-2 s
 * (from the end of its reply), over the {@code weather} dataset, until {@code hold} after the ramp. {@code -Dquery=summary} reads the per-location summary instead of aggregating.
 *
 * <p>Options (presets smoke, demo, full; every option can be overridden with {@code -D<option>=}): rows, seed,
 * users, rampRate, hold, thinkMin, thinkMax, query (aggregate|summary), locations (seed-cities|all),
 * p99Limit, plus the common ones ({@link Presets}).
 */
public class WeatherUsersSimulation extends Simulation {

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("rows", "10M", "seed", "42", "users", "10000", "rampRate", "100", "hold", "60s",
                    "thinkMin", "1s", "thinkMax", "2s", "query", "aggregate", "locations", "seed-cities", "p99Limit", "5000ms"),
            Map.of(
                    "smoke", Presets.values("rows", "20000", "users", "60", "rampRate", "30", "hold", "8s", "warmup", "3s",
                            "pgPool", "4", "p99Limit", "1000ms"),
                    "demo", Presets.values("rows", "1M", "users", "1000", "rampRate", "50", "hold", "60s", "warmup", "25s",
                            "pgPool", "16"),
                    "full", Presets.values("warmup", "105s", "pgPool", "32", "maxStall", "1000ms")));

    /** What {@code loadbench workloads} lists and {@code loadbench run weather} runs. */
    public static final Workload WORKLOAD = new Workload("weather", "weather-users", WeatherUsersSimulation.class.getName(),
            "Users ramping up, each asking in a loop for a location's temperature and thinking 1-2 s",
            "seed 003: 10K concurrent users over 10M weather rows", "closed", PRESETS,
            Map.ofEntries(Map.entry("users", "users"), Map.entry("duration", "hold")),
            Map.ofEntries(Map.entry("rows", "rows of the weather dataset (count; 10M accepted)"), Map.entry("seed", "root seed of the data and of every random draw"), Map.entry("users", "concurrent users at the end of the ramp (count)"), Map.entry("rampRate", "users started per second during the ramp (users/s)"), Map.entry("hold", "time at full concurrency after the ramp (duration)"), Map.entry("thinkMin", "shortest think time after a reply (duration)"), Map.entry("thinkMax", "longest think time after a reply (duration)"), Map.entry("query", "aggregate (AVG over the rows) or summary (per-location summary table)"), Map.entry("locations", "seed-cities (the seed's cities) or all (every location)"), Map.entry("p99Limit", "SLO: intended p99 of the query (duration)")));

    private final SimulationRun run = SimulationRun.open(WORKLOAD, WeatherUsersSimulation::plan);
    private final SimulationOptions options = run.options();
    private final int users = options.positiveInt("users");
    private final String query = options.oneOf("query", "aggregate", "summary");
    private final String locationSet = options.oneOf("locations", "seed-cities", "all");
    private final List<String> locations = new ArrayList<>();

    /** One visit of a looping user: a location, its temperature, then think time (from the reply's end). */
    private final ChainBuilder visit = exec(SeededDraws.of(options.positiveLong("seed"),
                    random -> Map.of("location", locations.get(random.nextInt(locations.size())))))
            .exec(temperatureQuery())
            .exec(run.think(options.duration("thinkMin"), options.duration("thinkMax")));

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        Duration ramp = Duration.ofMillis(1000L * users / options.positiveInt("rampRate"));
        if (options.duration("thinkMax").compareTo(options.duration("thinkMin")) < 0) {
            throw options.reject("thinkMax", "must not be shorter than thinkMin (" + options.string("thinkMin") + ")");
        }
        run.slos(List.of(Slo.intended(requestName(), 99.0, options.positiveDuration("p99Limit"))));
        Duration hold = options.positiveDuration("hold");
        setUp(run.closedModel("weather visitors", users, ramp, hold, options.positiveLong("seed"), visit)
                .andThen(verdict.injectOpen(atOnceUsers(1))))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(ramp.plus(hold)));
    }

    private static Map<String, Object> plan(SimulationOptions options) {
        Map<String, Object> plan = new TreeMap<>();
        for (String key : List.of("rows", "seed", "users", "rampRate", "hold", "thinkMin", "thinkMax", "query", "locations")) {
            plan.put(key, options.string(key));
        }
        plan.put("dataset", "weather");
        return plan;
    }

    private String requestName() {
        return "avg temperature (" + query + ")";
    }

    private SqlActionBuilder temperatureQuery() {
        String sql = switch (query) {
            case "aggregate" -> "SELECT round(avg(temperature), 2) AS avg_temperature FROM weather_readings WHERE location = ?";
            case "summary" -> "SELECT avg_temperature FROM weather_location_summary WHERE location = ?";
            default -> throw new IllegalStateException("unchecked query " + query);
        };
        return sql(requestName()).query(sql).params("#{location}")
                .check(rowCount().is(1), column("avg_temperature").notNull());
    }

    @Override
    public void before() {
        run.begin(() -> {
            run.prepareDataset(options.positiveLong("seed"), options.positiveLong("rows"), io.loadbench.loader.datasets.weather.WeatherSettings.DEFAULTS);
            locations.addAll("all".equals(locationSet) ? allLocations() : WeatherLocations.QUERY_CITIES);
        });
    }

    private List<String> allLocations() {
        List<String> all = new ArrayList<>();
        try (Connection connection = run.datastores().openPgConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT location FROM weather_location_summary ORDER BY location")) {
            while (rows.next()) {
                all.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the weather locations: " + e.getMessage(), e);
        }
        return all;
    }

    @Override
    public void after() {
        run.close();
    }
}
