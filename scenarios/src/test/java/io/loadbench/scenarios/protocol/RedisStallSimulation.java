package io.loadbench.scenarios.protocol;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.RedisCommands.GET;
import static io.loadbench.scenarios.protocol.Datastore.reply;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.scenarios.run.ArrivalSchedule;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SimulationRun;
import java.time.Duration;
import java.util.Map;

/**
 * An open-model Redis GET load at {@value #RATE} req/s for {@value #SECONDS} s with a one-second
 * {@code CLIENT PAUSE} injected after {@value #STALL_AFTER_SECONDS} s, on the embedded Redis only (a pause
 * would stall every client of a shared server). Run by {@code RedisStallTest}.
 */
public class RedisStallSimulation extends Simulation {

    static final int RATE = 200;
    static final int SECONDS = 6;
    static final int STALL_AFTER_SECONDS = 3;
    static final String KEY = "lb:scenarios:stall:key";

    private final SimulationRun run = SimulationRun.open("redis-stall", "RedisStallSimulation",
            Presets.table(Map.of(), Map.of("smoke", Map.of("warmup", "0s", "redisPool", "4", "pgPool", "1"))),
            options -> Map.of("rate", RATE), TestDatastores.embedded());

    private final ChainBuilder get = exec(redis("stall get").command(GET, KEY).check(reply().is("value")));

    private final ScenarioBuilder incident = scenario("incident")
            .pause(Duration.ofSeconds(STALL_AFTER_SECONDS))
            .exec(redis("incident: CLIENT PAUSE 1000").command("CLIENT", "PAUSE", "1000").check(reply().is("OK")));

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        setUp(run.openModel("gets", ArrivalSchedule.constant(RATE, Duration.ofSeconds(SECONDS)), 1, get)
                        .andThen(verdict.injectOpen(atOnceUsers(1))),
                incident.injectOpen(nothingFor(Duration.ZERO), atOnceUsers(1)))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(Duration.ofSeconds(SECONDS)));
    }

    @Override
    public void before() {
        try (var jedis = TestDatastores.embedded().openRedisConnection()) {
            jedis.set(KEY, "value");
        }
        run.begin();
    }

    @Override
    public void after() {
        run.close();
    }
}
