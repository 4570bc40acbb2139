package io.loadbench.scenarios.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.random.Seeds;
import io.loadbench.scenarios.custom.Script;
import io.loadbench.scenarios.custom.ScriptException;
import io.loadbench.scenarios.custom.ScriptRunner;
import io.loadbench.scenarios.custom.ScriptSet;
import io.loadbench.scenarios.custom.ScriptState;
import io.loadbench.scenarios.custom.ScriptVariables;
import io.loadbench.scenarios.custom.Value;
import io.loadbench.scenarios.protocol.ConnectionWork;
import io.loadbench.scenarios.protocol.Datastore;
import io.loadbench.scenarios.run.ArrivalSchedule;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SeededDraws;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pgbench-compatible scripts as a workload, measured like every simulation: each transaction picks one of the
 * {@code script} entries ({@code FILE[@weight]}, by weight, seeded) and runs it on one connection of the run's
 * PostgreSQL, recorded as a transaction named after the script and each statement as {@code script:line}. The script
 * language is {@link io.loadbench.scenarios.custom.ScriptParser}'s; a script that cannot run fails the run before
 * the load with {@code FILE:LINE: reason}.
 *
 * <p>The model follows {@code rate}: above 0, an open model of {@code rate} transactions per second (uniform or
 * Poisson {@code arrivals}), as {@code pgbench -R}; at 0, a closed model of {@code connections} clients each running
 * transactions back to back for {@code duration}, {@code think} apart, as pgbench without {@code -R}. Either way
 * {@code connections} ({@code pgPool}) is the PostgreSQL pool's size. {@code setup} (a script, or {@code none}) runs
 * once before the load, outside the measurement.
 *
 * <p>Options (presets smoke, standard; each overridable with {@code -D<option>=}): script, setup, variables
 * ({@code name=value,…}, every transaction's starting variables; default {@code scale=1}), seed, rate, duration,
 * think, setupTimeout, plus the common ones ({@link Presets}; {@code connections} is {@code pgPool}). Works with
 * only a PostgreSQL URL. The manifest records every script's text, weight and hash, and the set's hash in the plan.
 */
public class SqlScriptSimulation extends Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(SqlScriptSimulation.class);

    static final String SMOKE_SCRIPTS = "example:pgbench-select.sql@9,example:pgbench-update.sql@1";

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("script", "", "setup", "none", "variables", "scale=1", "seed", "42", "rate", "100",
                    "duration", "60s", "think", "0s", "setupTimeout", "10m", "pgPool", "8"),
            Map.of(
                    "smoke", Presets.values("script", SMOKE_SCRIPTS, "setup", "example:pgbench-accounts-setup.sql",
                            "rate", "40", "duration", "6s", "warmup", "1s", "pgPool", "4"),
                    "standard", Presets.values("warmup", "10s")));

    /** What {@code loadbench workloads} lists and {@code loadbench run sql} runs. */
    public static final Workload WORKLOAD = new Workload("sql", "sql-script", SqlScriptSimulation.class.getName(),
            "Your pgbench-style SQL scripts (FILE[@weight], a seeded weighted mix), each transaction on one connection",
            "pgbench -f: custom scripts, checked before the load (docs/custom-workloads.md)", "open", PRESETS,
            Map.of("rate", "rate", "duration", "duration", "connections", "pgPool"),
            Map.of("script", "the scripts, FILE[@weight] separated by newlines or commas; example:NAME for a shipped one",
                    "setup", "a script run once before the load, outside the measurement (FILE, example:NAME or none)",
                    "variables", "every transaction's starting variables, name=value separated by commas (pgbench -D)",
                    "seed", "root seed of every random draw (script choice, \\set functions)",
                    "rate", "transactions per second: the open model's arrival rate; 0 for the closed model (arrivals/s)",
                    "duration", "how long transactions start (duration)",
                    "think", "the closed model's pause after each transaction (duration)",
                    "setupTimeout", "the bound on each setup statement (duration)"));

    private static final String SCRIPT = "loadbench.sqlScript";
    private static final String TRANSACTION = "loadbench.sqlTransaction";
    private static final String CLIENT = "loadbench.sqlClient";

    private final AtomicReference<ScriptSet> parsed = new AtomicReference<>();
    private final AtomicReference<Map<String, Value>> variables = new AtomicReference<>();
    private final SimulationRun run = SimulationRun.open(WORKLOAD, options -> plan(options, parsed, variables));
    private final SimulationOptions options = run.options();
    private final ScriptSet scripts = parsed.get();
    private final long seed = options.positiveLong("seed");
    private final int connections = options.positiveInt("pgPool");
    private final Duration queryTimeout = options.positiveDuration("queryTimeout");
    private final long transactionSeed = Seeds.derive(seed, "sql-script/transactions");
    private final AtomicInteger clients = new AtomicInteger();

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        double rate = options.number("rate");
        Duration duration = options.positiveDuration("duration");
        Duration think = options.duration("think");
        if (rate < 0) {
            throw options.reject("rate", "expected transactions per second, or 0 for the closed model, got '" + options.string("rate") + "'");
        }
        if (rate > 0 && !think.isZero()) {
            throw options.reject("think", "applies to the closed model (rate=0); an open model's arrivals are its schedule");
        }
        for (ScriptSet.Weighted weighted : scripts.scripts()) {
            long sleepMicros = weighted.script().longestConstantSleepMicros();
            if (sleepMicros > queryTimeout.toNanos() / 1000) {
                throw options.reject("script", weighted.script().given() + ": a \\sleep of " + sleepMicros / 1_000_000.0
                        + " s is longer than the query timeout (" + options.string("queryTimeout") + "), which bounds every wait");
            }
        }
        scripts.definition().recordIn(run.runFolder().manifest());
        run.runFolder().writeManifest();
        LOG.info("sql-script: scripts {}, setup {}, {}, a pool of {} connections; script set sha256 {}",
                scripts.scripts().stream().map(w -> w.script().given() + "@" + w.weight()).toList(),
                scripts.setup().map(Script::given).orElse("none"), rate > 0 ? "an open model of " + options.string("rate")
                        + " transactions/s for " + options.string("duration") : "a closed model of " + connections
                        + " clients for " + options.string("duration") + ", think " + options.string("think"),
                connections, scripts.definition().sha256());

        PopulationBuilder load = rate > 0
                ? run.openModel("sql script", ArrivalSchedule.constant(rate, duration), seed, transaction(false))
                : run.closedModel("sql script clients", connections, Duration.ZERO, duration, seed,
                        exec(this::clientId).exec(transaction(true)).exec(run.think(think, think)));
        setUp(load.andThen(verdict.injectOpen(atOnceUsers(1))))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(duration));
    }

    /** Reads and checks the scripts and variables (before the target is contacted); the plan of the run. */
    private static Map<String, Object> plan(SimulationOptions options, AtomicReference<ScriptSet> parsed,
                                            AtomicReference<Map<String, Value>> variables) {
        Map<String, Value> predefined = predefined(options);
        variables.set(predefined);
        ScriptSet scripts;
        try {
            scripts = ScriptSet.read(options.string("script"), predefined.keySet());
        } catch (IllegalArgumentException e) {
            throw options.reject("script", e.getMessage());
        }
        try {
            parsed.set(scripts.withSetup(options.string("setup"), predefined.keySet()));
        } catch (IllegalArgumentException e) {
            throw options.reject("setup", e.getMessage());
        }
        Map<String, Object> plan = new TreeMap<>();
        for (String key : List.of("seed", "rate", "duration", "pgPool", "think", "variables", "arrivals")) {
            plan.put(key, options.string(key));
        }
        return plan;
    }

    /** Every transaction's starting variables: the variables option, then the seeds pgbench predefines. */
    private static Map<String, Value> predefined(SimulationOptions options) {
        Map<String, Value> predefined;
        try {
            predefined = new HashMap<>(ScriptVariables.parse(options.string("variables")));
        } catch (IllegalArgumentException e) {
            throw options.reject("variables", e.getMessage());
        }
        long seed = options.positiveLong("seed");
        predefined.put("random_seed", Value.of(seed));
        predefined.put("default_seed", Value.of(Seeds.derive(seed, "sql-script/default_seed")));
        predefined.put("client_id", Value.of(0L));
        return Map.copyOf(predefined);
    }

    /** One transaction: pick a script by weight, run it on one connection as a transaction named after it. */
    private ChainBuilder transaction(boolean closed) {
        long total = scripts.totalWeight();
        AtomicLong numbered = new AtomicLong();
        SeededDraws draws = SeededDraws.of(Seeds.derive(seed, "sql-script/choice"), random -> draw(random, total, numbered));
        List<ScriptSet.Weighted> all = scripts.scripts();
        if (all.size() == 1) {
            return exec(draws).exec(scriptTransaction(all.get(0).script(), closed));
        }
        List<Choice.WithKey> cases = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            cases.add(onCase(i).then(scriptTransaction(all.get(i).script(), closed)));
        }
        return exec(draws).exec(doSwitch(session -> session.getInt(SCRIPT)).on(cases));
    }

    private Map<String, Object> draw(SplittableRandom random, long totalWeight, AtomicLong numbered) {
        // under SeededDraws' lock: the k-th transaction gets number k and the k-th draw of the stream
        return Map.of(SCRIPT, scripts.choose(random.nextLong(totalWeight)), TRANSACTION, numbered.getAndIncrement());
    }

    private ChainBuilder scriptTransaction(Script script, boolean closed) {
        String first = script.statements().get(0).requestName();
        return run.transaction(script.name(), exec(Datastore.sqlSequence(first, session -> runner(script, session, closed))));
    }

    private ConnectionWork runner(Script script, Session session, boolean closed) {
        long number = session.getLong(TRANSACTION);
        Map<String, Value> start = new HashMap<>(variables.get());
        // pgbench's client_id: a closed model's client, 0 .. connections - 1; an open model's arrival is its own client
        start.put("client_id", Value.of(closed ? session.getInt(CLIENT) : number));
        return new ScriptRunner(script, new ScriptState(start, new RowRandom().reset(transactionSeed, number)));
    }

    private Session clientId(Session session) {
        return session.contains(CLIENT) ? session : session.set(CLIENT, clients.getAndIncrement());
    }

    @Override
    public void before() {
        run.begin(() -> scripts.setup().ifPresent(this::runSetup));
    }

    private void runSetup(Script setup) {
        long started = System.nanoTime();
        try (Connection connection = run.datastores().openPgConnection()) {
            ScriptRunner.runSetup(connection, setup, new ScriptState(variables.get(),
                    new RowRandom().reset(Seeds.derive(seed, "sql-script/setup"))), options.positiveDuration("setupTimeout"));
        } catch (SQLException e) {
            throw new IllegalStateException("setup " + setup.given() + ": " + e.getMessage(), e);
        } catch (ScriptException e) {
            throw new IllegalStateException("setup " + e.getMessage(), e);
        }
        LOG.info("sql-script: setup {} ran in {} ms", setup.given(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void after() {
        run.close();
    }
}
