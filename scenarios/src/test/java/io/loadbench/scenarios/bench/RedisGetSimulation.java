package io.loadbench.scenarios.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.Datastore.reply;
import static io.loadbench.scenarios.protocol.RedisCommands.GET;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SeededDraws;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * A closed loop of Redis GETs with no think time, to measure what the injector spends per request beside
 * {@code redis-benchmark -t get} on the same keyspace ({@code scenarios/bench/injector-cost.sh} runs both).
 * {@code users} virtual users start over {@code ramp}, and each GETs one key after the other until {@code hold}
 * has passed; every GET goes through the datastore protocol exactly as the real simulations' requests do
 * (seeded draw, EL key, pooled connection on the Redis executor, reply check, HdrHistogram recording).
 *
 * <p>Before the load the simulation SETs {@code keys} keys {@code <keyPrefix>:<12-digit index>} (indexes 0 to
 * {@code keys - 1}, the names {@code redis-benchmark -r <keys>} gives {@code __rand_int__}) to a value of
 * {@code valueBytes} bytes, and deletes them after; a GET that finds no value is KO. Not in
 * {@code io.loadbench.scenarios.simulations}, so {@code mvn install}'s smoke execution does not run it; run it with
 * {@code mvn -pl scenarios gatling:test -Dgatling.simulationClass=io.loadbench.scenarios.bench.RedisGetSimulation
 * -Dpreset=bench -DredisUrl=redis://127.0.0.1:6379}.
 *
 * <p>Options ({@code -D<option>=}; presets {@code smoke}, {@code bench}):
 * <ul>
 *   <li>{@code users} — concurrent virtual users, each looping on GET (default 32)</li>
 *   <li>{@code ramp} — how long the users take to start (1s); set {@code warmup} to at least this, plus the
 *       JIT's warm-up, so the measured window is the steady loop</li>
 *   <li>{@code hold} — how long each user loops after it started (30s)</li>
 *   <li>{@code keys} — the keyspace the GETs draw from, uniformly (10000)</li>
 *   <li>{@code valueBytes} — the size of each value (64)</li>
 *   <li>{@code keyPrefix} — of every key (default {@code lb:bench}; give a run on a shared Redis its own)</li>
 *   <li>{@code seed} — of the key draws (42)</li>
 *   <li>the common ones ({@link Presets}); {@code redisPool} is the number of Redis connections (32 in
 *       {@code bench})</li>
 * </ul>
 */
public class RedisGetSimulation extends Simulation {

    /** The request name, as it appears in {@code scenario.json} and the HdrHistogram files. */
    static final String REQUEST = "bench get";

    private static final int FILL_BATCH = 1_000;

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("users", "32", "ramp", "1s", "hold", "30s", "keys", "10000", "valueBytes", "64",
                    "keyPrefix", "lb:bench", "seed", "42"),
            Map.of(
                    "smoke", Presets.values("users", "4", "hold", "5s", "keys", "1000", "warmup", "1s", "redisPool", "4"),
                    "bench", Presets.values("warmup", "6s", "redisPool", "32")));

    private final SimulationRun run = SimulationRun.open("redis-get", "RedisGetSimulation", PRESETS, RedisGetSimulation::plan);
    private final SimulationOptions options = run.options();
    private final int users = options.positiveInt("users");
    private final int keyCount = options.positiveInt("keys");
    private final List<String> keys = keyNames(options.string("keyPrefix"), keyCount);
    private final String value = "v".repeat(options.positiveInt("valueBytes"));

    private final ChainBuilder get = feedKey().exec(redis(REQUEST).command(GET, "#{key}").check(reply().notNull()));

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        Duration ramp = options.duration("ramp");
        setUp(run.closedModel("redis GET loop", users, ramp, options.positiveDuration("hold"), options.positiveLong("seed"), get)
                .andThen(verdict.injectOpen(atOnceUsers(1))))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(ramp.plus(options.positiveDuration("hold"))));
    }

    private ChainBuilder feedKey() {
        return exec(SeededDraws.of(options.positiveLong("seed"),
                random -> Map.of("key", keys.get(random.nextInt(keys.size())))));
    }

    /** The names {@code redis-benchmark -r <count>} gives {@code <prefix>:__rand_int__}: 12 digits, zero-padded. */
    static List<String> keyNames(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + ":" + String.format(Locale.ROOT, "%012d", i));
        }
        return List.copyOf(names);
    }

    private static Map<String, Object> plan(SimulationOptions options) {
        Map<String, Object> plan = new TreeMap<>();
        for (String key : List.of("users", "ramp", "hold", "keys", "valueBytes", "keyPrefix", "seed")) {
            plan.put(key, options.string(key));
        }
        plan.put("workload", "closed-loop Redis GET, no think time");
        return plan;
    }

    @Override
    public void before() {
        run.begin(() -> forEachBatch((pipeline, key) -> pipeline.set(key, value)));
    }

    @Override
    public void after() {
        try {
            forEachBatch((pipeline, key) -> pipeline.del(key));
        } finally {
            run.close();
        }
    }

    /** Sends one command per key, pipelined {@value #FILL_BATCH} at a time. */
    private void forEachBatch(BiConsumer<Pipeline, String> command) {
        try (Jedis jedis = run.datastores().openRedisConnection()) {
            for (int from = 0; from < keys.size(); from += FILL_BATCH) {
                Pipeline pipeline = jedis.pipelined();
                for (String key : keys.subList(from, Math.min(keys.size(), from + FILL_BATCH))) {
                    command.accept(pipeline, key);
                }
                pipeline.sync();
            }
        }
    }
}
