package io.loadbench.scenarios.run;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.Datastore.sql;
import static io.loadbench.scenarios.protocol.RedisCommands.GET;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.scenarios.run.ArrivalSchedule;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.results.latency.LatencyKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * A tiny simulation for the run's failure paths ({@code -Dmode=}): {@code sleep} sends {@code SELECT pg_sleep(3600)}
 * (the query timeout must cancel it), {@code pause} keeps every user alive for an hour after one query (only the
 * run's maxDuration can end it), {@code hlog} and {@code scenario} take the place of an interval log or of
 * {@code scenario.json} with a directory (a write that fails), {@code redis} sends one GET (for a Redis URL whose
 * login fails; with {@code -Dduration} and {@code -Drate}, a steady GET load for the fault tests), {@code select} a
 * steady {@code SELECT 1} load. PostgreSQL only unless {@code redis}: run it with {@code -DpgUrl} (and {@code -DredisUrl}).
 */
public class BoundedRunSimulation extends Simulation {

    static final String REQUEST = "select one";

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("mode", "sleep", "duration", "2s", "rate", "2"),
            Map.of("smoke", Presets.values("warmup", "0s", "queryTimeout", "1s", "poolTimeout", "2s", "pgPool", "2",
                    "redisPool", "1")));

    private final SimulationRun run = SimulationRun.open("bounded-run", "BoundedRunSimulation", PRESETS,
            options -> Map.of("mode", options.string("mode"), "duration", options.string("duration")));
    private final SimulationOptions options = run.options();
    private final String mode = options.oneOf("mode", "sleep", "pause", "hlog", "scenario", "redis", "select");

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        setUp(run.openModel("users", ArrivalSchedule.constant(options.positiveInt("rate"), options.positiveDuration("duration")), 1,
                        request())
                .andThen(verdict.injectOpen(atOnceUsers(1))))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(options.positiveDuration("duration")));
    }

    private ChainBuilder request() {
        return switch (mode) {
            case "sleep" -> exec(sql("sleep").query("SELECT pg_sleep(3600)"));
            case "pause" -> exec(sql(REQUEST).query("SELECT 1")).pause(Duration.ofHours(1));
            case "redis" -> exec(redis("get").command(GET, "lb:bounded:key"));
            default -> exec(sql(REQUEST).query("SELECT 1"));
        };
    }

    @Override
    public void before() {
        run.begin(() -> { });
        try {
            if (mode.equals("hlog")) {
                Files.createDirectories(run.runFolder().dir().resolve("hdr").resolve(LatencyKind.INTENDED.hlogFileName(REQUEST)));
            } else if (mode.equals("scenario")) {
                Files.createDirectories(run.runFolder().dir().resolve(ScenarioResult.FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void after() {
        run.close();
    }
}
