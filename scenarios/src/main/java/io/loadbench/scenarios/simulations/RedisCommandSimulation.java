package io.loadbench.scenarios.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.redis;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.random.Seeds;
import io.loadbench.scenarios.custom.CommandSet;
import io.loadbench.scenarios.custom.CommandTemplate;
import io.loadbench.scenarios.custom.KeyPattern;
import io.loadbench.scenarios.protocol.RedisActionBuilder;
import io.loadbench.scenarios.run.ArrivalSchedule;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SeededDraws;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * memtier-style Redis command templates as a workload: each request picks one of the {@code command} templates by
 * the {@code ratio} (seeded), fills its {@code __key__} with {@code keyPrefix} and a key of the {@code keyspace}
 * drawn by {@code keyPattern} ({@link KeyPattern}), and its {@code __data__} with {@code dataSize} bytes of seeded
 * data, and sends it through the protocol's Redis path; each template's requests are recorded under its command's
 * name. Templates ({@link CommandTemplate}) touch only the keys they name; nothing is loaded first, so GETs on a fresh
 * keyspace miss, as memtier's do.
 *
 * <p>The model follows {@code rate}: above 0, an open model of {@code rate} requests per second (uniform or Poisson
 * {@code arrivals}); at 0, a closed model of {@code connections × pipeline} clients sending back to back for
 * {@code duration}, as memtier does. {@code connections} ({@code redisPool}) is the Redis pool's size,
 * {@code pipeline} the commands a connection may have in flight at once (each connection then sends up to that many
 * waiting commands before it reads their replies).
 *
 * <p>Options (presets smoke, standard; each overridable with {@code -D<option>=}): command, ratio, keyspace,
 * keyPattern, keyPrefix, dataSize, pipeline, seed, rate, duration, plus the common ones ({@link Presets};
 * {@code connections} is {@code redisPool}). The manifest records the templates, their ratio and the set's hash.
 */
public class RedisCommandSimulation extends Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCommandSimulation.class);

    /** The largest {@code __data__}: one value, built once in memory and sent with every request that names it. */
    static final int MAX_DATA_SIZE_BYTES = 64 << 20;

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("command", "SET __key__ __data__; GET __key__", "ratio", "1:10", "keyspace", "100000",
                    "keyPattern", "uniform", "keyPrefix", "lb:kv:", "dataSize", "32", "pipeline", "1", "seed", "42",
                    "rate", "1000", "duration", "60s", "redisPool", "8"),
            Map.of(
                    "smoke", Presets.values("keyspace", "1000", "rate", "200", "duration", "5s", "warmup", "1s",
                            "redisPool", "4"),
                    "standard", Presets.values("warmup", "10s")));

    /** What {@code loadbench workloads} lists and {@code loadbench run redis} runs. */
    public static final Workload WORKLOAD = new Workload("redis", "redis-commands", RedisCommandSimulation.class.getName(),
            "Your memtier-style Redis command templates (__key__, __data__) at a ratio, keys by pattern, pipelined or not",
            "memtier_benchmark --command: custom commands, checked before the load (docs/custom-workloads.md)", "open", PRESETS,
            Map.of("rate", "rate", "duration", "duration", "connections", "redisPool"),
            Map.ofEntries(Map.entry("command", "the templates, separated by newlines or ';' (e.g. 'SET __key__ __data__; GET __key__')"),
                    Map.entry("ratio", "each template's share, in order (1:10), or equal"),
                    Map.entry("keyspace", "keys 1 to keyspace (count)"),
                    Map.entry("keyPattern", "which key a request gets: uniform, zipf:S, gaussian:MEAN,SD or sequential"),
                    Map.entry("keyPrefix", "what __key__ starts with, before the key's number"),
                    Map.entry("dataSize", "the bytes of __data__, drawn once from the seed (bytes)"),
                    Map.entry("pipeline", "commands a connection may have in flight at once (count)"),
                    Map.entry("seed", "root seed of every random draw (template, key, data)"),
                    Map.entry("rate", "requests per second: the open model's arrival rate; 0 for the closed model (arrivals/s)"),
                    Map.entry("duration", "how long requests start (duration)")));

    private static final String COMMAND = "loadbench.redisCommand";
    private static final String KEY = "loadbench.redisKey";

    private final SimulationRun run = SimulationRun.open(WORKLOAD, RedisCommandSimulation::plan);
    private final SimulationOptions options = run.options();
    private final CommandSet commands = commands(options);
    private final long keyspace = options.positiveLong("keyspace");
    private final KeyPattern keys = keyPattern(options, keyspace);
    private final String keyPrefix = options.string("keyPrefix");
    private final String data = data(options);
    private final int connections = options.positiveInt("redisPool");
    private final int pipeline = options.positiveInt("pipeline");
    private final long seed = options.positiveLong("seed");

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        double rate = options.number("rate");
        Duration duration = options.positiveDuration("duration");
        if (rate < 0) {
            throw options.reject("rate", "expected requests per second, or 0 for the closed model, got '" + options.string("rate") + "'");
        }
        commands.definition().recordIn(run.runFolder().manifest());
        run.runFolder().writeManifest();
        LOG.info("redis-commands: {} at ratio {}, keys {}1 to {}{} ({}), {} bytes of data, {}, {} connections, pipeline {};"
                        + " sha256 {}", commands.commands().stream().map(c -> c.template().text()).toList(), options.string("ratio"),
                keyPrefix, keyPrefix, keyspace, keys.describe(), data.length(), rate > 0 ? "an open model of " + options.string("rate")
                        + " requests/s for " + options.string("duration") : "a closed model of " + connections * pipeline
                        + " clients for " + options.string("duration"), connections, pipeline, commands.definition().sha256());

        ChainBuilder request = request();
        PopulationBuilder load = rate > 0
                ? run.openModel("redis commands", ArrivalSchedule.constant(rate, duration), seed, request)
                : run.closedModel("redis command clients", Math.multiplyExact(connections, pipeline), Duration.ZERO, duration, seed,
                        request);
        setUp(load.andThen(verdict.injectOpen(atOnceUsers(1))))
                .protocols(run.protocol().redisPipelineDepth(pipeline))
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(duration));
    }

    private static Map<String, Object> plan(SimulationOptions options) {
        Map<String, Object> plan = new TreeMap<>();
        for (String key : List.of("keyspace", "keyPattern", "keyPrefix", "dataSize", "pipeline", "seed", "rate", "duration",
                "redisPool", "arrivals")) {
            plan.put(key, options.string(key));
        }
        return plan;
    }

    private static CommandSet commands(SimulationOptions options) {
        CommandSet templates;
        try {
            templates = CommandSet.parse(options.string("command"));
        } catch (IllegalArgumentException e) {
            throw options.reject("command", e.getMessage());
        }
        // the preset's ratio is for the preset's commands: commands of the user's own without a ratio weigh equally
        String ratio = options.given("command") && !options.given("ratio") ? "equal" : options.string("ratio");
        try {
            return templates.withRatio(ratio);
        } catch (IllegalArgumentException e) {
            throw options.reject("ratio", e.getMessage());
        }
    }

    private static KeyPattern keyPattern(SimulationOptions options, long keyspace) {
        try {
            return KeyPattern.parse(options.string("keyPattern"), keyspace);
        } catch (IllegalArgumentException e) {
            throw options.reject("keyPattern", e.getMessage());
        }
    }

    /** {@code dataSize} letters and digits from the run's seed: one value every request that names {@code __data__} sends. */
    private static String data(SimulationOptions options) {
        int size = options.positiveInt("dataSize");
        if (size > MAX_DATA_SIZE_BYTES) {
            throw options.reject("dataSize", "at most " + MAX_DATA_SIZE_BYTES + " bytes (the value is built once in memory), got " + size);
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        RowRandom random = new RowRandom(Seeds.derive(options.positiveLong("seed"), "redis-commands/data"));
        StringBuilder data = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            data.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return data.toString();
    }

    /** One request: a template by the ratio, a key by the pattern, both from the run's seeded stream. */
    private ChainBuilder request() {
        long total = commands.totalWeight();
        RowRandom keyRandom = new RowRandom();
        // under SeededDraws' lock: the k-th request gets the k-th draw of the stream (and the k-th sequential key)
        SeededDraws draws = SeededDraws.of(Seeds.derive(seed, "redis-commands/requests"), random -> draw(random, total, keyRandom));
        List<CommandSet.Weighted> all = commands.commands();
        if (all.size() == 1) {
            return exec(draws).exec(send(all.get(0)));
        }
        List<Choice.WithKey> cases = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            cases.add(onCase(i).then(exec(send(all.get(i)))));
        }
        return exec(draws).exec(doSwitch(session -> session.getInt(COMMAND)).on(cases));
    }

    private Map<String, Object> draw(SplittableRandom random, long totalWeight, RowRandom keyRandom) {
        int command = commands.choose(random.nextLong(totalWeight));
        keyRandom.reset(random.nextLong());
        return Map.of(COMMAND, command, KEY, keyPrefix + keys.next(keyRandom));
    }

    private RedisActionBuilder send(CommandSet.Weighted command) {
        List<Function<Session, ?>> args = new ArrayList<>();
        for (String argument : command.template().arguments()) {
            if (argument.contains(CommandTemplate.KEY) || argument.contains(CommandTemplate.DATA)) {
                args.add(session -> argument.replace(CommandTemplate.KEY, session.getString(KEY)).replace(CommandTemplate.DATA, data));
            } else {
                args.add(session -> argument);
            }
        }
        RedisActionBuilder action = redis(command.requestName()).command(command.template().name(), args);
        return command.cacheLookup() ? action.countAsCacheLookup() : action;
    }

    @Override
    public void before() {
        run.begin(() -> { });
    }

    @Override
    public void after() {
        run.close();
    }
}
