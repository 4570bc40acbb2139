package io.loadbench.scenarios.run;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.Datastore.reply;
import static io.loadbench.scenarios.protocol.RedisCommands.GET;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.datastores.testing.TestDatastores;
import java.time.Duration;
import java.util.Map;

/**
 * An open-model Redis GET load at {@value #RATE} arrivals/s for {@value #SECONDS} s whose injector is stalled:
 * after {@value #STALL_AFTER_MS} ms every Gatling event loop is blocked for {@value #STALL_MS} ms (as a GC
 * pause, CPU steal or a busy injector would), while Redis and the request executors stay free. Mode
 * {@code arrivals} instead issues three requests per arrival, one of which always fails, without a stall. Run by
 * {@code InjectorStallTest}.
 */
public class InjectorStallSimulation extends Simulation {

    static final int RATE = 200;
    static final int SECONDS = 6;
    static final long STALL_AFTER_MS = 2_500;
    static final long STALL_MS = 600;
    static final String KEY = "lb:scenarios:it:stall";

    private final SimulationRun run = SimulationRun.open("injector-stall", "InjectorStallSimulation",
            Presets.table(Presets.values("mode", "stall"), Map.of("smoke", Presets.values("warmup", "0s", "redisPool", "8", "pgPool", "1"))),
            options -> Map.of("rate", RATE, "mode", options.string("mode")), TestDatastores.embedded());
    private final String mode = run.options().oneOf("mode", "stall", "arrivals");

    private final ChainBuilder get = exec(redis("stall get").command(GET, KEY).check(reply().is("value")));

    /** Three requests an arrival: two follow-ups, one of which fails (an unknown command). */
    private final ChainBuilder withFollowUps = exec(redis("first get").command(GET, KEY).check(reply().is("value")))
            .exec(redis("follow-up get").command(GET, KEY).check(reply().is("value")))
            .exec(redis("failing follow-up").command("NOSUCHCOMMAND", KEY));

    private final ScenarioBuilder stall = scenario("injector stall")
            .pause(Duration.ofMillis(STALL_AFTER_MS))
            .exec(session -> {
                // block every event loop of Gatling's group, this user's included (its task runs after this one)
                session.asScala().eventLoop().parent().forEach(loop -> loop.execute(InjectorStallSimulation::block));
                return session;
            });

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        Duration length = Duration.ofSeconds(SECONDS);
        var load = run.openModel("gets", ArrivalSchedule.constant(RATE, length), 1, "arrivals".equals(mode) ? withFollowUps : get)
                .andThen(verdict.injectOpen(atOnceUsers(1)));
        var setUp = "stall".equals(mode) ? setUp(load, stall.injectOpen(atOnceUsers(1))) : setUp(load);
        setUp.protocols(run.protocol()).assertions(run.assertion()).maxDuration(run.maxDuration(length));
    }

    private static void block() {
        long until = System.nanoTime() + Duration.ofMillis(STALL_MS).toNanos();
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
