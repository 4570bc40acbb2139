package io.loadbench.scenarios.run;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.Session;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetKind;
import io.loadbench.datastores.TargetSpec;
import io.loadbench.results.Labels;
import io.loadbench.results.Run;
import io.loadbench.results.RunKind;
import io.loadbench.results.latency.LatencyRecorders;
import io.loadbench.results.latency.RequestLatencyTotals;
import io.loadbench.results.noise.NoiseSummary;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.results.scenario.ScenarioResultWriter;
import io.loadbench.results.shard.Shard;
import io.loadbench.results.shard.ShardContract;
import io.loadbench.results.shard.ShardContractException;
import io.loadbench.results.shard.ShardMarker;
import io.loadbench.results.shard.ShardTiming;
import io.loadbench.scenarios.gatling.TimelineActions;
import io.loadbench.scenarios.gatling.VerdictActionBuilder;
import io.loadbench.scenarios.live.LiveMonitor;
import io.loadbench.scenarios.live.LiveOptions;
import io.loadbench.scenarios.live.LiveServerException;
import io.loadbench.scenarios.live.LivePlan;
import io.loadbench.scenarios.live.LiveVerdict;
import io.loadbench.results.latency.LatencyIntervalListener;
import io.loadbench.scenarios.protocol.Datastore;
import io.loadbench.scenarios.protocol.DatastoreProtocolBuilder;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import io.loadbench.scenarios.verdict.DroppedRequestsCheck;
import io.loadbench.scenarios.verdict.ExtraCheck;
import io.loadbench.scenarios.verdict.HitRatioCheck;
import io.loadbench.scenarios.verdict.InjectorStallCheck;
import io.loadbench.scenarios.verdict.KoRatioCheck;
import io.loadbench.scenarios.verdict.LagCheck;
import io.loadbench.scenarios.verdict.MeasuredWindowCheck;
import io.loadbench.scenarios.verdict.Measurement;
import io.loadbench.scenarios.verdict.RateCheck;
import io.loadbench.scenarios.verdict.RedisInfoAgreementCheck;
import io.loadbench.scenarios.verdict.RequestsCompletedCheck;
import io.loadbench.scenarios.verdict.SloCheck;
import io.loadbench.scenarios.verdict.UsersCheck;
import io.loadbench.scenarios.verdict.VerdictCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation run: its run folder and lifecycle, its target, its measurement and its verdict.
 *
 * <p>Lifecycle, driven by the simulation: {@link #open} as its first field (run folder and manifest first,
 * then the options, the plan and the target inside the run, so that any early failure ends the folder FAILED
 * with its reason); {@link #begin(Runnable)} in {@code before()} (preparation, then interval logs, hiccup meter,
 * warm-up); {@link #verdict()} as the last step after the load ({@code andThen}): it ends the measurement, judges
 * the {@linkplain VerdictCheck checks}, writes {@code scenario.json} and the final manifest, and reports OK/KO to
 * Gatling, whose assertion {@link #assertion()} fails the build on KO; {@link #close()} in {@code after()}.
 *
 * <p>While it runs, its {@link LiveMonitor} shows it: a progress line on stderr every second
 * ({@code -Dloadbench.progress=false} turns it off) and, with {@code -Dloadbench.metricsPort=N}, {@code /metrics} and
 * a live page (see {@link LiveOptions}); the endpoint binds when the run opens, so a port in use fails the run first.
 *
 * <p>The measuring is {@link RunMeasurement}'s, the judging the checks' of {@code io.loadbench.scenarios.verdict},
 * the file {@link ScenarioReport}'s; this class wires them to the run folder.
 */
public final class SimulationRun implements AutoCloseable {

    /** The name of the request the verdict is reported as, and that {@link #assertion()} checks. */
    public static final String VERDICT_REQUEST = "run verdict";

    /** A shard's {@code --shard i/N}, as the system property the run reads. */
    public static final String SHARD_PROPERTY = "loadbench.shard";
    /** The run id the shards of a run share ({@code --run-id}). */
    public static final String RUN_ID_PROPERTY = "loadbench.runId";
    /** When every shard starts its schedule ({@code --start-at}, ISO-8601). */
    public static final String START_AT_PROPERTY = "loadbench.startAt";
    /** How the failure reason of a shard that was not ready by its start instant begins. */
    public static final String LATE_REASON = "late: ";
    /**
     * Set ({@code true}) on the shard processes {@code --local-shards} starts: their siblings' CPU is the run's own,
     * not the machine's noise.
     */
    public static final String LOCAL_SHARD_PROPERTY = "loadbench.localShard";
    /** How long before its start instant a shard lets Gatling start its users, which then wait for their arrivals. */
    static final Duration START_LEAD = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(SimulationRun.class);

    /** How the run gets its datastores: resolved from {@code -D}/environment and owned, or shared by the caller. */
    private record Target(Datastores datastores, boolean owned, boolean hasRedis) {
    }

    /**
     * Which share of a scaled-out run this process offers, and when its schedule starts: the whole run, at once,
     * when neither {@value #SHARD_PROPERTY} nor the contract's environment says otherwise.
     */
    public record Sharding(ShardContract contract, Shard shard, Optional<Instant> startAt) {

        /**
         * @param system the run's properties ({@value #SHARD_PROPERTY}, {@value #RUN_ID_PROPERTY}, {@value #START_AT_PROPERTY})
         * @throws ShardContractException naming the option or variable of the first bad or missing value
         */
        public static Sharding resolve(Properties system, Map<String, String> env) {
            ShardContract contract = ShardContract.resolve(system.getProperty(SHARD_PROPERTY), system.getProperty(RUN_ID_PROPERTY), env);
            Optional<Instant> startAt = Optional.ofNullable(system.getProperty(START_AT_PROPERTY)).map(Sharding::instant);
            Shard shard = contract.shard().orElse(new Shard(0, 1));
            if (contract.shard().isPresent() && contract.runId().isEmpty()) {
                throw new ShardContractException(ShardContract.RUN_ID_OPTION, "shard " + shard + " needs the run id its run's "
                        + "shards share, under which they write their folders: give " + ShardContract.RUN_ID_OPTION + " ID (or "
                        + ShardContract.RUN_ID_ENV + ")");
            }
            if (shard.count() > 1 && startAt.isEmpty()) {
                throw new ShardContractException("--start-at", "shard " + shard + " needs the instant at which every shard "
                        + "starts its schedule: give --start-at, e.g. " + Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            return new Sharding(contract, shard, startAt);
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new ShardContractException("--start-at", "expected an ISO-8601 instant such as 2026-12-06T21:30:00Z, got '"
                        + text + "'");
            }
        }

        public boolean sharded() {
            return contract.shard().isPresent();
        }
    }

    private final String simulation;
    private final Run runFolder;
    private final SimulationOptions options;
    private final Target target;
    private final DatastoreRuntime runtime;
    private final LiveMonitor live;
    private final Sharding sharding;
    /** This shard's clock against the system under test's, once it waited for its start instant (its schedule's start). */
    private Optional<ClockOffset> startClock = Optional.empty();
    /** Why the metrics endpoint could not be served: the run ends FAILED with it in {@code before()}, as one line. */
    private final Optional<String> liveFailure;
    private final List<ArrivalSchedule> openSchedules = new ArrayList<>();
    private Duration plannedLoad = Duration.ZERO;
    private Duration rampLength = Duration.ZERO;
    private final Clock clock = Clock.systemUTC();
    private final List<VerdictCheck> simulationChecks = new ArrayList<>();
    private RunTargets targets = RunTargets.NONE;
    private List<Slo> slos = List.of();
    private Optional<RunMeasurement> measurement = Optional.empty();
    private Optional<List<String>> failures = Optional.empty();
    private Optional<Duration> bound = Optional.empty();

    private SimulationRun(String simulation, Run runFolder, SimulationOptions options, Target target, Live live,
                          Sharding sharding) {
        this.simulation = simulation;
        this.sharding = sharding;
        this.runFolder = runFolder;
        this.options = options;
        this.target = target;
        this.live = live.monitor();
        this.liveFailure = live.failure();
        this.runtime = new DatastoreRuntime(new TargetConnector(target.datastores(), target.hasRedis()), new LatencyRecorders());
        runtime.onStartFailure(this::protocolFailed);
    }

    /** A store the simulation's requests need cannot be opened: the run ends FAILED now, Gatling stops after. */
    private synchronized void protocolFailed(String reason) {
        if (failures.isEmpty()) {
            end(List.of("the datastore protocol could not start: " + reason));
        }
        close();
    }

    /**
     * Creates the run folder ({@code -Dloadbench.results}, default {@code results}; {@code -Dlabel}), resolves the
     * options ({@code -Dpreset} and overrides of {@code presets}), the plan and the target ({@code -Dtarget},
     * {@code -DpgUrl}, {@code -DredisUrl}, else LOADBENCH_PG_URL / LOADBENCH_REDIS_URL, else embedded), and writes
     * the manifest. Anything that fails on the way (a malformed URL, a server that is down, a bad option value,
     * also one the simulation reads later through {@link #options()}) ends the run folder FAILED with its reason.
     * The live view ({@link LiveOptions}: {@code -Dloadbench.progress}, {@code -Dloadbench.metricsPort},
     * {@code -Dloadbench.metricsHost}) opens first; a metrics endpoint that cannot bind (a port in use) ends the run
     * FAILED in {@link #begin(Runnable)}, before the preparation and the load, as one line (a failure here, in the
     * simulation's constructor, would print Gatling's stack trace).
     *
     * @param optionsOwner the simulation class's simple name, as option errors name it
     * @param plan         what defines the measurement (dataset scale, rate or users), beside every option
     */
    public static SimulationRun open(String simulation, String optionsOwner, Map<String, Map<String, String>> presets,
                                     Function<SimulationOptions, Map<String, Object>> plan) {
        return open(simulation, optionsOwner, presets, plan, Optional.empty());
    }

    /**
     * Like {@link #open(String, String, Map, Function)} on datastores the caller provides and keeps (tests share
     * one embedded target per JVM): {@link #close()} releases what the run opened on them, not the servers.
     */
    public static SimulationRun open(String simulation, String optionsOwner, Map<String, Map<String, String>> presets,
                                     Function<SimulationOptions, Map<String, Object>> plan, Datastores shared) {
        return open(simulation, optionsOwner, presets, plan, Optional.of(shared));
    }

    /**
     * Opens a run of a listed {@link Workload}: as {@link #open(String, String, Map, Function)} with the
     * workload's presets, and its common option names ({@code -Drate}, {@code -Dduration}, …) accepted.
     */
    public static SimulationRun open(Workload workload, Function<SimulationOptions, Map<String, Object>> plan) {
        return open(workload.runName(), (system, onRejected) -> SimulationOptions.resolve(workload, system, onRejected),
                plan, Optional.empty());
    }

    private static SimulationRun open(String simulation, String optionsOwner, Map<String, Map<String, String>> presets,
                                      Function<SimulationOptions, Map<String, Object>> plan, Optional<Datastores> shared) {
        return open(simulation, (system, onRejected) -> SimulationOptions.resolve(optionsOwner, presets, system, onRejected),
                plan, shared);
    }

    private static SimulationRun open(String simulation,
                                      BiFunction<Properties, Consumer<IllegalArgumentException>,
                                              SimulationOptions> resolver,
                                      Function<SimulationOptions, Map<String, Object>> plan, Optional<Datastores> shared) {
        Properties system = System.getProperties();
        Path results = Path.of(system.getProperty("loadbench.results", "results"));
        String label = system.getProperty("label", Labels.defaultLabel());
        // a shard writes <results>/<run-id>/shard-<i>, where the merge finds its run's shards
        Sharding sharding = Sharding.resolve(system, System.getenv());
        Run folder = sharding.sharded()
                ? Run.startAs(results.resolve(sharding.contract().runId().orElseThrow()), ShardMarker.folderName(sharding.shard().index()),
                        label, RunKind.GATLING, "gatling-" + simulation, Clock.systemUTC())
                : Run.start(results, label, RunKind.GATLING, "gatling-" + simulation, Clock.systemUTC());
        AtomicReference<Optional<Target>> target = new AtomicReference<>(Optional.empty());
        AtomicReference<Optional<Live>> live = new AtomicReference<>(Optional.empty());
        try {
            // a value rejected later, while the simulation builds its scenarios, ends the run as a failure here would
            SimulationOptions options = resolver.apply(system, rejected -> abandon(folder, target.get(), live.get(), rejected));
            validateCommonOptions(options);
            Map<String, Object> fullPlan = new TreeMap<>(plan.apply(options));
            fullPlan.put("simulation", simulation);
            fullPlan.put("preset", options.preset());
            live.set(Optional.of(openLive(simulation, folder, options, fullPlan, system)));
            target.set(Optional.of(shared.map(datastores -> new Target(datastores, false, true)).orElseGet(() -> ownTarget(system))));
            Datastores datastores = target.get().orElseThrow().datastores();
            folder.countAsOwn(datastores::serverPids);
            if (Boolean.parseBoolean(system.getProperty(LOCAL_SHARD_PROPERTY))) {
                folder.countAsOwn(SimulationRun::siblingShards);
            }
            Map<String, Object> parameters = new TreeMap<>(options.effective());
            parameters.put("simulation", simulation);
            parameters.put("targetKind", datastores.kind().name());
            folder.manifest().putParameters(parameters);
            if (sharding.sharded()) {
                sharding.contract().recordIn(folder.manifest());
                sharding.startAt().ifPresent(at -> folder.manifest().putParameter("startAt", at.toString()));
            }
            folder.manifest().putPlan(fullPlan);
            // an external server that is down fails here, before any work
            folder.manifest().target(datastores.describe());
            folder.writeManifest();
            GatlingResultsLink.linkInto(folder, system);
            LOG.info("{}: preset {}, run folder {}, options {}", simulation, options.preset(), folder.dir(), options.effective());
            return new SimulationRun(simulation, folder, options, target.get().orElseThrow(), live.get().orElseThrow(), sharding);
        } catch (RuntimeException e) {
            abandon(folder, target.get(), live.get(), e);
            throw e;
        }
    }

    /** The run's live view, and why its endpoint could not be served (the run then shows its progress only). */
    private record Live(LiveMonitor monitor, Optional<String> failure) {
    }

    /** The run's live view: options from {@code -Dloadbench.*}, the endpoint bound now. */
    private static Live openLive(String simulation, Run folder, SimulationOptions options, Map<String, Object> plan,
                                 Properties system) {
        LivePlan livePlan = new LivePlan(simulation, options.preset(), folder.dir().getFileName().toString(),
                options.effective(), plan);
        LiveOptions liveOptions = LiveOptions.from(system);
        boolean terminal = System.console() != null;
        try {
            return new Live(LiveMonitor.open(liveOptions, livePlan, System.err, terminal), Optional.empty());
        } catch (LiveServerException e) {
            return new Live(LiveMonitor.open(liveOptions.withoutMetrics(), livePlan, System.err, terminal),
                    Optional.of(e.getMessage()));
        }
    }

    /**
     * Reads every common option once, range-checked, before anything starts: several are read only by the
     * verdict, after the load, where a bad value would throw away the run it judges.
     */
    private static void validateCommonOptions(SimulationOptions options) {
        options.duration("warmup");
        options.ratio("rateTolerance");
        options.ratio("maxKoRatio");
        options.positiveDuration("maxStall");
        options.ratio("maxStalledShare");
        options.positiveDuration("maxLag");
        options.oneOf("arrivals", "uniform", "poisson");
        options.positiveInt("pgPool");
        options.positiveInt("redisPool");
        options.positiveInt("executorQueue");
        options.positiveDuration("poolTimeout");
        options.positiveDuration("queryTimeout");
    }

    private static Target ownTarget(Properties system) {
        TargetSpec spec = TargetSpec.resolve(system.getProperty("target"), system.getProperty("pgUrl"),
                system.getProperty("redisUrl"), System.getenv());
        // an external target has only the stores its URLs name: a PostgreSQL-only simulation needs no Redis
        boolean hasRedis = spec.kind() != TargetKind.EXTERNAL || spec.redis() != null;
        return new Target(Datastores.open(spec), true, hasRedis);
    }

    /** The processes started by this one's parent (the other local shards, their servers), this one excluded. */
    private static List<Long> siblingShards() {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.current().parent().stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)
                .filter(pid -> pid != self).toList();
    }

    /** Ends a run that cannot start FAILED with the cause's message, and releases a target and a live view it opened. */
    private static void abandon(Run folder, Optional<Target> target, Optional<Live> live, RuntimeException cause) {
        if (folder.isOpen()) {
            folder.failed(cause);
        }
        target.filter(Target::owned).ifPresent(owned -> owned.datastores().close());
        live.ifPresent(opened -> opened.monitor().close());
    }

    public Datastores datastores() {
        return target.datastores();
    }

    /** The effective options; a value they reject ends the run FAILED with the reason. */
    public SimulationOptions options() {
        return options;
    }

    public Run runFolder() {
        return runFolder;
    }

    public DatastoreRuntime runtime() {
        return runtime;
    }

    /** The protocol, sized by the options {@code pgPool}, {@code redisPool}, {@code executorQueue}, {@code poolTimeout}, {@code queryTimeout}. */
    public DatastoreProtocolBuilder protocol() {
        return Datastore.datastore(runtime)
                .pgPoolSize(options.positiveInt("pgPool"))
                .redisPoolSize(options.positiveInt("redisPool"))
                .executorQueueCapacity(options.positiveInt("executorQueue"))
                .poolTimeout(options.positiveDuration("poolTimeout"))
                .queryTimeout(options.positiveDuration("queryTimeout"));
    }

    /**
     * The longest the simulation may run, for {@code setUp(...).maxDuration(run.maxDuration(loadLength))}: the
     * plan's load, plus the query and pool timeouts (a request started at the load's last moment fails by then at
     * the latest: the statement is cancelled, the Redis socket times out), plus {@link #VERDICT_MARGIN} for the
     * verdict. Without it one request that never returns keeps Gatling running forever, since the verdict starts
     * only after every user ended. A run Gatling stops at this bound ends FAILED ("did not finish within …"),
     * with its {@code scenario.json}. Recorded in the manifest as the parameter {@code maxDurationMs}.
     *
     * @param loadLength how long the plan's injection lasts (ramp, hold, duration, day length)
     */
    public synchronized Duration maxDuration(Duration loadLength) {
        if (loadLength.isNegative() || loadLength.isZero()) {
            throw new IllegalArgumentException("the load's length must be positive, got " + loadLength);
        }
        Duration measured = loadLength.minus(effectiveWarmup());
        if (!Presets.SMOKE.equals(options.preset()) && measured.compareTo(MIN_MEASURED) < 0) {
            throw options.reject("warmup", "leaves " + Math.max(0, measured.toMillis()) / 1000.0 + " s of the "
                    + loadLength.toMillis() / 1000.0 + "-s load to measure after the warm-up (and ramp); a measuring preset"
                    + " needs at least " + MIN_MEASURED.toSeconds() + " s: lengthen the load or shorten the warm-up");
        }
        Duration bound = loadLength.plus(options.positiveDuration("queryTimeout")).plus(options.positiveDuration("poolTimeout"))
                .plus(VERDICT_MARGIN);
        this.bound = Optional.of(bound);
        this.plannedLoad = loadLength;
        runFolder.manifest().putParameter("maxDurationMs", bound.toMillis());
        runFolder.writeManifest();
        return bound;
    }

    /** The shortest measured window a measuring preset (any but smoke) may have. */
    static final Duration MIN_MEASURED = Duration.ofSeconds(20);

    /** What {@link #maxDuration} adds beyond the requests' timeouts: the verdict's own work and a busy machine's slack. */
    static final Duration VERDICT_MARGIN = Duration.ofSeconds(10);

    /**
     * An open model: users of {@code scenarioName} arrive on {@code schedule} (uniform, or Poisson with the
     * {@code arrivals=poisson} option, seeded by {@code seed}), each runs {@code chain} once and leaves. The same
     * schedule gives Gatling's injection and every arrival's intended time, and the run is judged by its arrivals
     * (see {@link RateCheck}). Call once per open scenario.
     */
    public synchronized PopulationBuilder openModel(String scenarioName, ArrivalSchedule schedule, long seed, ChainBuilder chain) {
        ArrivalSchedule arrivals = schedule.withProcess(options.oneOf("arrivals", "uniform", "poisson"), seed)
                .forShard(sharding.shard());
        openSchedules.add(arrivals);
        return CoreDsl.scenario(scenarioName).exec(arrival(arrivals)).exec(chain).injectOpen(arrivals.injection());
    }

    /**
     * A closed model: {@code users} users of {@code scenarioName} arrive over {@code ramp} (evenly, or Poisson with
     * {@code arrivals=poisson}), then each runs {@code iteration} in a loop until {@code hold} after the ramp. Put a
     * {@link #think} in the iteration for think time: the next request is due when the think time ends, however
     * late the user wakes. The warm-up lasts at least the ramp; the run is judged by the time-weighted mean of its
     * concurrent users over the measured window (see {@link UsersCheck}).
     */
    public synchronized PopulationBuilder closedModel(String scenarioName, int users, Duration ramp, Duration hold, long seed,
                                                      ChainBuilder iteration) {
        if (users <= 0) {
            throw options.reject("users", "must be positive, got " + users);
        }
        Shard shard = sharding.shard();
        // the whole run's users arrive in turn, this shard taking every N-th of them (see ArrivalSchedule.forShard)
        int shardUsers = Math.toIntExact(shard.unitsOf(users));
        if (shardUsers == 0) {
            throw options.reject("users", "gives shard " + shard + " no user: " + users + " users over " + shard.count()
                    + " shards; run fewer shards or more users");
        }
        Duration rampTime = ramp.isZero() || ramp.isNegative() ? Duration.ofMillis(1) : ramp;
        ArrivalSchedule arrivals = ArrivalSchedule.constant(users / (rampTime.toNanos() / 1e9), rampTime)
                .withProcess(options.oneOf("arrivals", "uniform", "poisson"), seed).forShard(shard);
        targets = targets.withUsers(shardUsers);
        rampLength = rampLength.compareTo(rampTime) < 0 ? rampTime : rampLength;
        long loopNanos = rampTime.plus(hold).toNanos();
        io.loadbench.scenarios.protocol.InjectorTimeline timeline = runtime.timeline();
        return CoreDsl.scenario(scenarioName)
                .exec(arrival(arrivals))
                .exec(session -> {
                    long end = timeline.originNanosOrNow() + loopNanos;
                    timeline.users().endWindowAt(end);
                    timeline.users().started();
                    return session.set(LOOP_END, end);
                })
                .asLongAs(session -> System.nanoTime() < session.getLong(LOOP_END)).on(iteration)
                .exec(session -> {
                    timeline.users().ended();
                    return session.remove(LOOP_END);
                })
                .injectOpen(arrivals.injection());
    }

    private static final String LOOP_END = "loadbench.loopEnd";

    private ActionBuilder arrival(ArrivalSchedule schedule) {
        ArrivalSchedule.Cursor cursor = schedule.cursor();
        io.loadbench.scenarios.protocol.InjectorTimeline timeline = runtime.timeline();
        double longest = Math.max(schedule.lengthSec(), 1);
        io.gatling.core.action.builder.ActionBuilder arrival = TimelineActions.arrival(() -> {
            long origin = timeline.originNanos(longest);
            java.util.OptionalDouble due = cursor.next();
            return due.isEmpty() ? OptionalLong.empty() : OptionalLong.of(origin + Math.round(due.getAsDouble() * 1e9));
        });
        return () -> arrival;
    }

    /**
     * A think time from {@code min} to {@code max} (uniform), counted from the end of the user's previous request.
     * Use it instead of Gatling's {@code pause}: a Gatling pause between two requests is counted in the second
     * one's latency, since its intended start is the first one's end.
     */
    public ActionBuilder think(Duration min, Duration max) {
        io.gatling.core.action.builder.ActionBuilder think = TimelineActions.think(min, max);
        return () -> think;
    }

    /**
     * A transaction: {@code chain}'s requests timed together, from the intended start of the first to the end of
     * the last, as the series {@code name} (or {@code name.failed} when one of the user's requests failed), beside
     * each request's own. An SLO may name it. The chain must not leave the user (no {@code exitHereIfFailed}).
     */
    public ChainBuilder transaction(String name, ChainBuilder chain) {
        io.gatling.core.action.builder.ActionBuilder start = TimelineActions.transactionStart();
        io.gatling.core.action.builder.ActionBuilder end = TimelineActions.transactionEnd(name, runtime);
        return CoreDsl.exec((ActionBuilder) () -> start).exec(chain).exec((ActionBuilder) () -> end);
    }

    /** The minimum cache hit ratio over every cache lookup after warm-up. */
    public synchronized SimulationRun expectHitRatio(double minRatio) {
        targets = targets.withMinHitRatio(minRatio);
        return this;
    }

    /** The latency objectives of the preset. */
    public synchronized SimulationRun slos(List<Slo> objectives) {
        this.slos = List.copyOf(objectives);
        return this;
    }

    /** Adds a simulation-specific check, reported under its section in {@code scenario.json}. */
    public synchronized SimulationRun extraCheck(ExtraCheck check) {
        simulationChecks.add(check);
        return this;
    }

    /**
     * The checks of this run, in the order their failures are reported: the measured window, the target rate or
     * users, at least one request, failed and dropped requests, injector stalls, the hit ratio (against Redis INFO
     * on a server this run owns, and against its target), the SLOs, then the simulation's own.
     */
    synchronized List<VerdictCheck> checks() {
        List<VerdictCheck> checks = new ArrayList<>();
        long warmupMs = effectiveWarmup().toMillis();
        checks.add(new MeasuredWindowCheck(warmupMs % 1000 == 0 ? warmupMs / 1000 + "s" : warmupMs + "ms"));
        if (!openSchedules.isEmpty()) {
            checks.add(new RateCheck(options.ratio("rateTolerance")));
        }
        targets.users().ifPresent(count -> checks.add(new UsersCheck(count)));
        checks.add(new RequestsCompletedCheck());
        checks.add(new KoRatioCheck(options.ratio("maxKoRatio")));
        checks.add(new DroppedRequestsCheck());
        checks.add(new LagCheck(options.positiveDuration("maxLag")));
        checks.add(new InjectorStallCheck(options.duration("maxStall"), options.ratio("maxStalledShare")));
        checks.add(new RedisInfoAgreementCheck());
        targets.minHitRatio().ifPresent(ratio -> checks.add(new HitRatioCheck(ratio)));
        slos.forEach(slo -> checks.add(new SloCheck(slo)));
        checks.addAll(simulationChecks);
        return checks;
    }

    /**
     * Runs the preparation (dataset load, verification or restore, reading fixtures), then {@link #begin()}. A
     * preparation that fails marks the run FAILED with its one-line reason before Gatling hears of it, so the run
     * folder never stays RUNNING, and throws a {@link PreparationFailedException} that prints as that one line,
     * naming the run folder (with the cause's stack trace only under {@code -Dverbose=true}); Gatling then exits
     * non-zero.
     */
    public void begin(Runnable preparation) {
        refuseWithoutTheEndpoint();
        try {
            preparation.run();
            // the servers start on first use: only now can the manifest say which versions and settings ran
            runFolder.manifest().target(target.datastores().describe());
            runFolder.writeManifest();
        } catch (RuntimeException e) {
            String reason = (e instanceof LateStartException ? LATE_REASON : "preparation failed: ") + oneLine(e);
            fail(reason, e);
        }
        try {
            awaitStart();
        } catch (RuntimeException e) {
            fail((e instanceof LateStartException ? LATE_REASON : "cannot start the shard: ") + oneLine(e), e);
        }
        begin();
    }

    private void fail(String reason, RuntimeException cause) {
        end(List.of(reason));
        close();
        throw PreparationFailedException.of("error: " + simulation + ": " + reason + " (run folder " + runFolder.dir()
                + " FAILED)", cause, Boolean.parseBoolean(System.getProperty("verbose")));
    }

    /** The preparation of a shard other than 0 ran out of time: its start instant came first. */
    static final class LateStartException extends RuntimeException {
        LateStartException(String message) {
            super(message);
        }
    }

    /**
     * Prepares a dataset the workload reads: loads, verifies or restores it ({@link DatasetPreparer#prepare}) in a
     * run of one process and in shard 0 of a scaled-out run; the other shards wait, until their start instant at
     * most, for it to verify ({@link DatasetPreparer#awaitPrepared}), so that the data is prepared once. Recorded in
     * the manifest.
     */
    public <S extends Record> DatasetPreparer.Prepared prepareDataset(long seed, long rows, S settings) {
        DatasetPreparer.Prepared prepared;
        if (sharding.shard().index() == 0) {
            prepared = DatasetPreparer.prepare(target.datastores(), runFolder.dir(), seed, rows, settings);
        } else {
            Instant deadline = sharding.startAt().orElseThrow();
            prepared = DatasetPreparer.awaitPrepared(target.datastores(), runFolder.dir(), seed, rows, settings, deadline, clock)
                    .orElseThrow(() -> new LateStartException("the dataset was not ready by --start-at " + deadline
                            + " (shard 0 prepares it; this shard waits for it to verify): start the shards earlier or give "
                            + "a later --start-at"));
        }
        prepared.recordIn(runFolder.manifest());
        return prepared;
    }

    /**
     * A shard waits for its start instant: it reads its clock's offset from the system under test first, then fixes
     * its schedule's origin at the instant, so its arrivals are measured from the instant whatever delays it. A shard
     * that is past the instant already exits {@linkplain #LATE_REASON late} rather than join a run under way.
     */
    private void awaitStart() {
        if (sharding.startAt().isEmpty()) {
            return;
        }
        Instant startAt = sharding.startAt().get();
        ClockOffset offset = ClockOffset.measure(target.datastores(), target.hasRedis());
        long waitNanos = java.time.Duration.between(clock.instant(), startAt).toNanos();
        if (waitNanos <= 0) {
            throw new LateStartException("ready " + Math.round(-waitNanos / 1e6) + " ms after --start-at " + startAt
                    + ": give the shards a later --start-at");
        }
        runtime.timeline().fixOrigin(System.nanoTime() + waitNanos, Math.max(plannedLoad.toSeconds(), 1));
        // Gatling's users start a little ahead and wait for their arrivals, as they do at the schedule's start
        waitNanos = Math.max(0, waitNanos - START_LEAD.toNanos());
        LOG.info("{}: shard {} of run {} starts at {} (in {} ms); clock {} ms from the {} server's (RTT {} ms)", simulation,
                sharding.shard(), sharding.contract().runId().orElse("?"), startAt, waitNanos / 1_000_000, offset.offsetMs(),
                offset.source(), offset.rttMs());
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(waitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for --start-at " + startAt, e);
        }
        startClock = Optional.of(offset);
    }

    /**
     * Ends the run FAILED, before any preparation or load, when its metrics endpoint could not be served: a run asked
     * to be watched is not run unwatched. Thrown as the one line a preparation failure prints.
     */
    private synchronized void refuseWithoutTheEndpoint() {
        if (liveFailure.isPresent() && failures.isEmpty()) {
            String reason = liveFailure.get();
            end(List.of(reason));
            close();
            throw PreparationFailedException.of("error: " + simulation + ": " + reason + " (run folder " + runFolder.dir()
                    + " FAILED)", null, false);
        }
    }

    /** What the run targeted, the open model's rate being its schedules' mean arrival rate. */
    private RunTargets reportedTargets() {
        return openSchedules.isEmpty() ? targets
                : targets.withRequestsPerSec(openSchedules.stream().mapToDouble(ArrivalSchedule::meanRate).sum());
    }

    /** The warm-up: the {@code warmup} option, and at least a closed model's ramp (concurrency is judged after it). */
    synchronized Duration effectiveWarmup() {
        Duration warmup = options.duration("warmup");
        return warmup.compareTo(rampLength) < 0 ? rampLength : warmup;
    }

    /** Starts the measurement: interval logs and hiccup meter now, the warm-up ({@code warmup}) at the first request. */
    public synchronized void begin() {
        refuseWithoutTheEndpoint();
        RedisKeyspaceProbe redisInfo = new RedisKeyspaceProbe(simulation, target.datastores(), runtime);
        live.measuring(new RunLiveSource(runtime, openSchedules, targets.users().orElse(0), plannedLoad));
        measurement = Optional.of(RunMeasurement.begin(simulation, effectiveWarmup(), runtime, redisInfo::read,
                clock, runFolder.dir().resolve("hdr"), live.active() ? live : LatencyIntervalListener.NONE));
    }

    /** When the interval logs began (epoch ms; their time zero), empty before {@link #begin()}. */
    public synchronized OptionalLong logStartMs() {
        return measurement.map(m -> OptionalLong.of(m.logStartMs())).orElse(OptionalLong.empty());
    }

    /** When the first request started (epoch ms), empty before it. */
    public synchronized OptionalLong firstRequestMs() {
        return measurement.map(RunMeasurement::firstRequestMs).orElse(OptionalLong.empty());
    }

    /** Counts a virtual user in ({@code exec(run.userStarted())}): the closed model's concurrency. */
    public Function<Session, Session> userStarted() {
        return session -> {
            runtime.timeline().users().started();
            return session;
        };
    }

    /** Counts a virtual user out. */
    public Function<Session, Session> userEnded() {
        return session -> {
            runtime.timeline().users().ended();
            return session;
        };
    }

    /** The last step of the simulation: decides the run and reports it to Gatling as {@value #VERDICT_REQUEST}. */
    public ActionBuilder verdict() {
        VerdictActionBuilder builder = new VerdictActionBuilder(VERDICT_REQUEST, this::conclude);
        return () -> builder;
    }

    /**
     * The Gatling assertion that fails the build unless the verdict ran and was OK: a run Gatling stopped at its
     * {@link #maxDuration} never reaches the verdict, and "no failed verdict" would pass it.
     */
    public Assertion assertion() {
        return CoreDsl.details(VERDICT_REQUEST).successfulRequests().count().is(1L);
    }

    /** The failures the verdict found (empty when OK), empty before the verdict. */
    public synchronized Optional<List<String>> failures() {
        return failures;
    }

    /** Ends the measurement and decides the run; returns its failures (empty when OK). Idempotent. */
    public synchronized List<String> conclude() {
        return conclude(List.of());
    }

    /**
     * Decides the run with {@code already} (what ended it early) before the checks' failures. A write to the run
     * folder that fails (an interval log, {@code scenario.json}) fails the run with its cause, never the verdict.
     */
    private List<String> conclude(List<String> already) {
        if (failures.isPresent()) {
            return failures.get();
        }
        if (measurement.isEmpty()) {
            List<String> found = new ArrayList<>(already);
            found.add("the measurement never began (begin() was not called)");
            return end(found);
        }
        List<String> found = new ArrayList<>(already);
        try {
            RunMeasurement measuring = measurement.get();
            Measurement measured = measuring.finish(options.duration("queryTimeout").plusSeconds(5),
                    target.datastores().kind() == TargetKind.EMBEDDED, List.copyOf(openSchedules));
            measuring.writeFailure().ifPresent(failure -> found.add(oneLine(failure)));
            List<VerdictCheck> checks = checks();
            found.addAll(VerdictCheck.failures(checks, measured));
            // the schedule's origin was fixed at the start instant (awaitStart), so that is when it began
            startClock.ifPresent(offset -> new ShardTiming(sharding.startAt().orElseThrow(), sharding.startAt().orElseThrow(),
                    measuring.firstRequestMs().isPresent() ? Optional.of(Instant.ofEpochMilli(measuring.firstRequestMs().getAsLong()))
                            : Optional.empty(), offset.offsetMs(), offset.rttMs(), offset.source())
                    .recordIn(runFolder.manifest()));
            ScenarioResultWriter.write(runFolder.dir().resolve(ScenarioResult.FILE), ScenarioReport.of(simulation,
                    options.preset(), effectiveWarmup(), reportedTargets(), ScenarioReport.Limits.of(options), measured, checks, found));
            LOG.info("{}: {} req/s after warm-up, {} OK / {} KO, verdict {}", simulation,
                    String.format(Locale.ROOT, "%.1f", measured.achievedRequestsPerSec()), measured.ok(), measured.ko(),
                    found.isEmpty() ? "OK" : found);
        } catch (RuntimeException e) {
            found.add("the run folder could not be written: " + oneLine(e));
        }
        return end(found);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private List<String> end(List<String> found) {
        List<String> ended = List.copyOf(found);
        failures = Optional.of(ended);
        if (ended.isEmpty()) {
            runFolder.succeeded();
        } else {
            runFolder.failed(String.join("; ", ended));
        }
        LOG.info("{}: {}, noise: {}", simulation, runFolder.manifest().status(),
                runFolder.noise().map(NoiseSummary::describe).orElse("not measured"));
        live.verdict(new LiveVerdict(runFolder.manifest().status().name(), ended));
        return ended;
    }

    /** Why a run closed without its verdict: its bound, when it ran that long. */
    private String unfinishedReason() {
        long ranMs = measurement.map(m -> clock.millis() - m.logStartMs()).orElse(0L);
        // Gatling's clock starts a little after begin(): a run stopped at its bound has run at least about that long
        if (bound.isPresent() && ranMs >= bound.get().toMillis() - 1_000) {
            return "did not finish within " + bound.get().toMillis() / 1000.0 + " s (the plan's load, the request timeouts"
                    + " and " + VERDICT_MARGIN.toSeconds() + " s; requests still running or users still active): Gatling stopped it"
                    + " at its maxDuration";
        }
        return "the run ended before its verdict (crashed or interrupted)";
    }

    /** The measured latency totals by request name (after the verdict). */
    public synchronized Map<String, RequestLatencyTotals> latencyTotals() {
        return measurement.map(RunMeasurement::latencyTotals).orElse(Map.of());
    }

    /**
     * Releases pools and the target; a run that never reached its verdict is marked FAILED, with its
     * {@code scenario.json} when it was measuring: "did not finish within …" when Gatling stopped it at its
     * {@link #maxDuration bound}, else as crashed or interrupted. Idempotent.
     */
    @Override
    public synchronized void close() {
        try {
            if (failures.isEmpty()) {
                conclude(List.of(unfinishedReason()));
            }
        } finally {
            measurement.ifPresent(RunMeasurement::abandon);
            runtime.close();
            if (target.owned()) {
                target.datastores().close();
            }
            // last: a live page still polling gets the verdict first (bounded, see LiveMonitor)
            live.close();
        }
    }
}
