package io.loadbench.scenarios.run;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.Session;
import io.loadbench.results.latency.LatencyIntervalLog;
import io.loadbench.results.latency.LatencyLogTicker;
import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.LatencyRecorders;
import io.loadbench.results.latency.RequestLatencyTotals;
import io.loadbench.results.Json;
import io.loadbench.results.Labels;
import io.loadbench.results.Run;
import io.loadbench.results.RunKind;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import io.loadbench.scenarios.gatling.VerdictActionBuilder;
import io.loadbench.scenarios.protocol.Datastore;
import io.loadbench.scenarios.protocol.DatastoreEngine;
import io.loadbench.scenarios.protocol.DatastoreProtocolBuilder;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import io.loadbench.scenarios.protocol.RequestCounters;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * One simulation run: its target, run folder, latency recorders, injector-health meters and verdict.
 *
 * <p>Lifecycle, driven by the simulation: {@link #open} in the constructor (target, run folder, manifest,
 * Gatling's results link); {@link #begin()} in {@code before()} (interval logs, hiccup meter, warm-up timer);
 * {@link #verdict()} as the last step after the load ({@code andThen}): it ends the measurement, writes
 * {@code scenario.json} and the final manifest, and reports OK/KO to Gatling, whose assertion
 * {@link #assertion()} fails the build on KO; {@link #close()} in {@code after()}.
 *
 * <p>A run is FAILED when it missed its target rate (open model) or user count (closed model), dropped
 * requests, failed more requests than allowed, whose injector stalled longer than allowed, whose hit ratio
 * missed its target, or that broke an SLO.
 */
public final class SimulationRun implements AutoCloseable {

    /** The name of the request the verdict is reported as, and that {@link #assertion()} checks. */
    public static final String VERDICT_REQUEST = "run verdict";

    private static final Logger LOG = LoggerFactory.getLogger(SimulationRun.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(1);

    private final String simulation;
    private final SimulationOptions options;
    private final Datastores datastores;
    private final Run runFolder;
    private final LatencyRecorders recorders = new LatencyRecorders();
    private final DatastoreRuntime runtime;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger activeUsers = new AtomicInteger();
    private final AtomicInteger maxActiveUsers = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulation-warmup-timer");
        thread.setDaemon(true);
        return thread;
    });

    private Double targetRequestsPerSec;
    private Integer targetUsers;
    private Double minHitRatio;
    private List<Slo> slos = List.of();
    private final Map<String, Function<Path, ExtraCheck>> extraChecks = new LinkedHashMap<>();

    /**
     * A simulation-specific part of the verdict, computed from the run's {@code hdr/} directory once the
     * measurement ended: a section of {@code scenario.json} and its failures (empty when it held).
     */
    public record ExtraCheck(Map<String, Object> report, List<String> failures) {
    }

    private LatencyIntervalLog intervalLog;
    private LatencyLogTicker ticker;
    private HiccupMeter hiccups;
    private Phase measured;
    private volatile Long firstRequestMs;
    private Long logStartMs;
    private boolean concluded;
    private List<String> failures;

    /** What was true when the measurement started (end of warm-up). */
    private record Phase(long startMs, long cpuNanos, Map<String, RequestCounters.Counts> counts, RedisKeyspace keyspace) {
    }

    /** Redis INFO stats keyspace_hits/keyspace_misses; null fields when unreadable. */
    record RedisKeyspace(Long hits, Long misses) {
    }

    private final boolean ownsDatastores;

    private SimulationRun(String simulation, SimulationOptions options, Datastores datastores, boolean ownsDatastores,
                          Run runFolder) {
        this.ownsDatastores = ownsDatastores;
        this.simulation = simulation;
        this.options = options;
        this.datastores = datastores;
        this.runFolder = runFolder;
        this.runtime = new DatastoreRuntime(new TargetConnector(datastores), recorders);
    }

    /**
     * Resolves the target ({@code -Dtarget}, {@code -DpgUrl}, {@code -DredisUrl}, else LOADBENCH_PG_URL /
     * LOADBENCH_REDIS_URL, else embedded), creates the run folder ({@code -Dloadbench.results}, default
     * {@code results}; {@code -Dlabel}) and writes the first manifest.
     *
     * @param plan what defines the measurement (dataset scale, rate or users, preset), beside every option
     */
    public static SimulationRun open(String simulation, SimulationOptions options, Map<String, Object> plan) {
        Properties system = System.getProperties();
        TargetSpec spec = TargetSpec.resolve(system.getProperty("target"), system.getProperty("pgUrl"),
                system.getProperty("redisUrl"), System.getenv());
        return open(simulation, options, plan, Datastores.open(spec), true);
    }

    /**
     * Like {@link #open(String, SimulationOptions, Map)} on datastores the caller provides (tests share one
     * embedded target per JVM); {@code owns} says whether {@link #close()} closes them.
     */
    public static SimulationRun open(String simulation, SimulationOptions options, Map<String, Object> plan,
                                     Datastores datastores, boolean owns) {
        Properties system = System.getProperties();
        try {
            Path results = Path.of(system.getProperty("loadbench.results", "results"));
            String label = system.getProperty("label", Labels.defaultLabel());
            Run folder = Run.start(results, label, RunKind.GATLING, "gatling-" + simulation, Clock.systemUTC());
            Map<String, Object> parameters = new TreeMap<>(options.effective());
            parameters.put("simulation", simulation);
            parameters.put("targetKind", datastores.kind().name());
            folder.manifest().putParameters(parameters);
            Map<String, Object> fullPlan = new TreeMap<>(plan);
            fullPlan.put("simulation", simulation);
            fullPlan.put("preset", options.preset());
            folder.manifest().putPlan(fullPlan);
            folder.manifest().target(datastores.describe());
            folder.writeManifest();
            String gatlingResults = system.getProperty(GatlingResultsLink.PROPERTY);
            if (gatlingResults != null && !gatlingResults.isBlank()) {
                GatlingResultsLink.link(Path.of(gatlingResults), folder.dir().resolve("gatling"));
                // Gatling writes its HTML report after the verdict: list it in the manifest when the JVM exits
                Runtime.getRuntime().addShutdownHook(new Thread(() -> listGatlingReport(folder), "manifest-gatling-files"));
            }
            LOG.info("{}: preset {}, run folder {}, options {}", simulation, options.preset(), folder.dir(), options.effective());
            return new SimulationRun(simulation, options, datastores, owns, folder);
        } catch (RuntimeException e) {
            if (owns) {
                datastores.close();
            }
            throw e;
        }
    }

    private static void listGatlingReport(Run folder) {
        Path gatling = folder.dir().resolve("gatling");
        if (!java.nio.file.Files.isDirectory(gatling) || folder.manifest().status() == io.loadbench.results.RunStatus.RUNNING) {
            return;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(gatling)) {
            files.filter(java.nio.file.Files::isRegularFile).sorted()
                    .forEach(file -> folder.manifest().addFile(folder.dir().relativize(file).toString().replace('\\', '/')));
            folder.writeManifest();
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("cannot list Gatling's report in " + folder.dir() + ": " + e.getMessage());
        }
    }

    public Datastores datastores() {
        return datastores;
    }

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
                .poolTimeout(options.duration("poolTimeout"))
                .queryTimeout(options.duration("queryTimeout"));
    }

    /** Open model: the request rate the run must achieve (within {@code rateTolerance}). */
    public SimulationRun expectRequestRate(double requestsPerSec) {
        this.targetRequestsPerSec = requestsPerSec;
        return this;
    }

    /** Closed model: the concurrent users the run must reach. */
    public SimulationRun expectUsers(int users) {
        this.targetUsers = users;
        return this;
    }

    /** The minimum cache hit ratio over every cache lookup after warm-up. */
    public SimulationRun expectHitRatio(double minRatio) {
        this.minHitRatio = minRatio;
        return this;
    }

    /** The latency objectives of the preset. */
    public SimulationRun slos(List<Slo> objectives) {
        this.slos = List.copyOf(objectives);
        return this;
    }

    /** Adds a simulation-specific check, reported under {@code section} in {@code scenario.json}. */
    public SimulationRun extraCheck(String section, Function<Path, ExtraCheck> check) {
        extraChecks.put(section, check);
        return this;
    }

    /**
     * Runs the preparation (dataset load or verification, reading fixtures), then {@link #begin()}. A
     * preparation that fails marks the run FAILED with its one-line reason before the exception reaches
     * Gatling, so the run folder never stays RUNNING.
     */
    public void begin(Runnable preparation) {
        try {
            preparation.run();
            // the servers start on first use: only now can the manifest say which versions and settings ran
            runFolder.manifest().target(datastores.describe());
            runFolder.writeManifest();
        } catch (RuntimeException e) {
            synchronized (this) {
                concluded = true;
                failures = List.of("preparation failed: " + e.getMessage());
                runFolder.failed(failures.get(0));
            }
            close();
            throw e;
        }
        begin();
    }

    /**
     * Starts the measurement: interval logs and hiccup meter now; the warm-up ({@code warmup} option) runs from
     * the first request a virtual user starts, so Gatling's own start-up is neither warm-up nor measured.
     */
    public synchronized void begin() {
        long startMs = clock.millis();
        logStartMs = startMs;
        Duration warmup = options.duration("warmup");
        intervalLog = LatencyIntervalLog.open(runFolder.dir().resolve("hdr"), recorders, startMs, true);
        ticker = LatencyLogTicker.start(intervalLog, LOG_INTERVAL, Duration.ZERO, clock);
        hiccups = HiccupMeter.start();
        if (warmup.isZero()) {
            endWarmup();
            runtime.onFirstRequest(() -> firstRequestMs = clock.millis());
        } else {
            runtime.onFirstRequest(() -> {
                firstRequestMs = clock.millis();
                timer.schedule(this::endWarmup, warmup.toMillis(), TimeUnit.MILLISECONDS);
            });
        }
    }

    private synchronized void endWarmup() {
        if (measured != null || concluded) {
            return;
        }
        long now = clock.millis();
        intervalLog.endWarmup(now);
        hiccups.startMeasuring();
        measured = new Phase(now, processCpuNanos(), runtime.counters().snapshot(), redisKeyspace());
        LOG.info("{}: warm-up over, measuring", simulation);
    }

    /** When the interval logs began (epoch ms; their time zero), or null before {@link #begin()}. */
    public synchronized Long logStartMs() {
        return logStartMs;
    }

    /** When the first request started (epoch ms), or null before it. */
    public Long firstRequestMs() {
        return firstRequestMs;
    }

    /** Counts a virtual user in ({@code exec(run.userStarted())}): the closed model's concurrency. */
    public Function<Session, Session> userStarted() {
        return session -> {
            int now = activeUsers.incrementAndGet();
            maxActiveUsers.accumulateAndGet(now, Math::max);
            return session;
        };
    }

    /** Counts a virtual user out. */
    public Function<Session, Session> userEnded() {
        return session -> {
            activeUsers.decrementAndGet();
            return session;
        };
    }

    /** The last step of the simulation: decides the run and reports it to Gatling as {@value #VERDICT_REQUEST}. */
    public ActionBuilder verdict() {
        VerdictActionBuilder builder = new VerdictActionBuilder(VERDICT_REQUEST, this::conclude);
        return () -> builder;
    }

    /** The Gatling assertion that fails the build when the verdict is KO. */
    public Assertion assertion() {
        return CoreDsl.details(VERDICT_REQUEST).failedRequests().count().is(0L);
    }

    /** The failures the verdict found (empty when OK), or null before the verdict. */
    public synchronized List<String> failures() {
        return failures;
    }

    /** Ends the measurement and decides the run; returns its failures (empty when OK). Idempotent. */
    public synchronized List<String> conclude() {
        if (concluded) {
            return failures;
        }
        List<String> found = new ArrayList<>();
        DatastoreEngine engine = runtime.engineIfStarted();
        try {
            if (engine != null && !engine.awaitIdle(options.duration("queryTimeout").toMillis() + 5_000)) {
                found.add(engine.inFlight() + " requests still running at the end of the run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (intervalLog == null) {
            found.add("the measurement never began (begin() was not called)");
            return finish(found, Map.of());
        }
        if (measured == null) {
            found.add("the run ended during its warm-up (" + options.string("warmup") + "): nothing was measured");
            endWarmup();
        }
        // the measured window ends with the last reply, not with the verdict (which waits for Gatling)
        long lastEndNanos = runtime.lastEndNanos();
        long endMs = lastEndNanos == Long.MIN_VALUE ? clock.millis()
                : clock.millis() - Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastEndNanos));
        long windowStartMs = firstRequestMs == null ? measured.startMs() : Math.max(measured.startMs(), firstRequestMs);
        double measuredSec = Math.max(1, endMs - windowStartMs) / 1000.0;
        long cpuNanos = processCpuNanos() - measured.cpuNanos();
        Map<String, RequestLatencyTotals> totals = ticker.finish();
        Histogram hiccupHistogram = hiccups.stop();
        timer.shutdownNow();
        RedisKeyspace keyspaceEnd = redisKeyspace();

        // OK/KO counts come from the histograms of record (split exactly at the warm-up boundary); hits and
        // misses from the counters (split at the same moment, give or take the requests in flight)
        Map<String, RequestCounters.Counts> countsNow = runtime.counters().snapshot();
        Map<String, Object> requests = new TreeMap<>();
        long ok = 0, ko = 0, hits = 0, misses = 0;
        for (String name : countsNow.keySet()) {
            RequestCounters.Counts before = measured.counts().getOrDefault(name, new RequestCounters.Counts(0, 0, 0, 0));
            RequestCounters.Counts now = countsNow.get(name);
            long requestHits = now.hits() - before.hits();
            long requestMisses = now.misses() - before.misses();
            RequestLatencyTotals latency = totals.get(name);
            RequestLatencyTotals failed = totals.get(name + DatastoreRuntime.FAILED_SUFFIX);
            long requestOk = latency == null ? 0 : latency.intended().getTotalCount();
            long requestKo = failed == null ? 0 : failed.intended().getTotalCount();
            ok += requestOk;
            ko += requestKo;
            hits += requestHits;
            misses += requestMisses;
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("ok", requestOk);
            request.put("ko", requestKo);
            request.put("requestsPerSecond", round((requestOk + requestKo) / measuredSec));
            if (requestHits + requestMisses > 0) {
                request.put("cacheHits", requestHits);
                request.put("cacheMisses", requestMisses);
                request.put("hitRatio", round((double) requestHits / (requestHits + requestMisses)));
            }
            request.put("intendedLatencyUs", latency == null ? null : percentiles(latency.intendedPercentiles()));
            request.put("serviceLatencyUs", latency == null ? null : percentiles(latency.servicePercentiles()));
            request.put("failedIntendedLatencyUs", failed == null ? null : percentiles(failed.intendedPercentiles()));
            requests.put(name, request);
        }
        long total = ok + ko;
        double achievedRate = total / measuredSec;
        long dropped = runtime.droppedCount();

        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("targetRequestsPerSecond", targetRequestsPerSec);
        rate.put("achievedRequestsPerSecond", round(achievedRate));
        rate.put("measuredDurationMs", endMs - windowStartMs);
        rate.put("requestsAfterWarmup", total);
        rate.put("targetUsers", targetUsers);
        rate.put("maxConcurrentUsers", targetUsers == null && maxActiveUsers.get() == 0 ? null : maxActiveUsers.get());
        double tolerance = options.number("rateTolerance");
        if (targetRequestsPerSec != null && achievedRate < targetRequestsPerSec * (1 - tolerance)) {
            found.add(String.format(Locale.ROOT, "missed the target rate: %.1f req/s achieved, %.1f req/s targeted (tolerance %.0f%%)",
                    achievedRate, targetRequestsPerSec, tolerance * 100));
        }
        if (targetUsers != null && maxActiveUsers.get() < targetUsers) {
            found.add("reached " + maxActiveUsers.get() + " concurrent users, " + targetUsers + " targeted");
        }
        if (total == 0) {
            found.add("no request completed after the warm-up");
        }

        double maxKoRatio = options.number("maxKoRatio");
        if (total > 0 && (double) ko / total > maxKoRatio) {
            found.add(String.format(Locale.ROOT, "%d of %d requests failed (%.3f%%, at most %.3f%% allowed)",
                    ko, total, 100.0 * ko / total, 100 * maxKoRatio));
        }

        Map<String, Object> injector = new LinkedHashMap<>();
        LatencyPercentiles hiccup = LatencyPercentiles.of(hiccupHistogram);
        injector.put("hiccupUs", percentiles(hiccup));
        injector.put("droppedRequests", dropped);
        injector.put("cpuCoresUsed", round(cpuNanos / 1e9 / measuredSec));
        injector.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        Duration maxStall = options.duration("maxStall");
        injector.put("maxStallAllowedMs", maxStall.toMillis());
        if (dropped > 0) {
            found.add(dropped + " requests dropped: the executor queue was full, the injector could not keep up");
        }
        if (hiccup.maxUs() > maxStall.toNanos() / 1000) {
            found.add(String.format(Locale.ROOT, "the injector stalled for %.1f ms (at most %d ms allowed)",
                    hiccup.maxUs() / 1000.0, maxStall.toMillis()));
        }

        Map<String, Object> cache = new LinkedHashMap<>();
        if (hits + misses > 0) {
            double ratio = (double) hits / (hits + misses);
            cache.put("lookups", hits + misses);
            cache.put("hitRatio", round(ratio));
            cache.put("targetHitRatio", minHitRatio);
            Map<String, Object> info = new LinkedHashMap<>();
            if (measured.keyspace().hits() != null && keyspaceEnd.hits() != null) {
                long infoHits = keyspaceEnd.hits() - measured.keyspace().hits();
                long infoMisses = keyspaceEnd.misses() - measured.keyspace().misses();
                double infoRatio = infoHits + infoMisses == 0 ? Double.NaN : (double) infoHits / (infoHits + infoMisses);
                info.put("keyspaceHits", infoHits);
                info.put("keyspaceMisses", infoMisses);
                info.put("hitRatio", Double.isNaN(infoRatio) ? null : round(infoRatio));
                boolean agrees = !Double.isNaN(infoRatio) && Math.abs(infoRatio - ratio) <= 0.01;
                info.put("agreesWithinOnePercentagePoint", agrees);
                // only a server this run owns must agree: a shared one counts other clients' lookups too
                if (!agrees && datastores.kind() == io.loadbench.datastores.TargetKind.EMBEDDED) {
                    found.add(String.format(Locale.ROOT, "hit ratio %.4f measured by the requests disagrees with Redis INFO %.4f",
                            ratio, infoRatio));
                }
            }
            cache.put("redisInfo", info);
            if (minHitRatio != null && ratio < minHitRatio) {
                found.add(String.format(Locale.ROOT, "hit ratio %.4f below the target %.2f", ratio, minHitRatio));
            }
        }

        List<Map<String, Object>> sloResults = new ArrayList<>();
        for (Slo slo : slos) {
            Slo.Result result = slo.evaluate(totals.get(slo.request()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("objective", result.description());
            entry.put("actualUs", result.actualUs());
            entry.put("passed", result.passed());
            sloResults.add(entry);
            if (!result.passed()) {
                found.add("SLO broken: " + result.description());
            }
        }

        Map<String, Object> extras = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Path, ExtraCheck>> check : extraChecks.entrySet()) {
            ExtraCheck result = check.getValue().apply(runFolder.dir().resolve("hdr"));
            extras.put(check.getKey(), result.report());
            found.addAll(result.failures());
        }

        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("schemaVersion", 1);
        scenario.put("simulation", simulation);
        scenario.put("preset", options.preset());
        scenario.put("warmupMs", options.duration("warmup").toMillis());
        scenario.put("rate", rate);
        scenario.put("requests", requests);
        scenario.put("cache", cache);
        scenario.put("injector", injector);
        scenario.put("slos", sloResults);
        scenario.putAll(extras);
        scenario.put("failures", found);
        scenario.put("status", found.isEmpty() ? "OK" : "FAILED");
        Json.write(runFolder.dir().resolve("scenario.json"), scenario);
        LOG.info("{}: {} req/s after warm-up, {} OK / {} KO, verdict {}", simulation,
                String.format(Locale.ROOT, "%.1f", achievedRate), ok, ko, found.isEmpty() ? "OK" : found);
        return finish(found, totals);
    }

    private List<String> finish(List<String> found, Map<String, RequestLatencyTotals> totals) {
        concluded = true;
        failures = List.copyOf(found);
        if (failures.isEmpty()) {
            runFolder.succeeded();
        } else {
            runFolder.failed(String.join("; ", failures));
        }
        return failures;
    }

    /** The measured latency totals by request name (after the verdict). */
    public synchronized Map<String, RequestLatencyTotals> latencyTotals() {
        return intervalLog == null ? Map.of() : intervalLog.totals();
    }

    private RedisKeyspace redisKeyspace() {
        try (Jedis jedis = datastores.openRedisConnection()) {
            Long hits = null, misses = null;
            for (String line : jedis.info("stats").split("\r?\n")) {
                if (line.startsWith("keyspace_hits:")) {
                    hits = Long.parseLong(line.substring("keyspace_hits:".length()).trim());
                } else if (line.startsWith("keyspace_misses:")) {
                    misses = Long.parseLong(line.substring("keyspace_misses:".length()).trim());
                }
            }
            return new RedisKeyspace(hits, misses);
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot read Redis INFO stats: {}", simulation, e.getMessage());
            return new RedisKeyspace(null, null);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Map<String, Object> percentiles(LatencyPercentiles p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", p.count());
        map.put("p50", p.p50Us());
        map.put("p90", p.p90Us());
        map.put("p99", p.p99Us());
        map.put("p999", p.p999Us());
        map.put("max", p.maxUs());
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /** Releases pools and the target; a run that never reached its verdict is marked FAILED. */
    @Override
    public synchronized void close() {
        try {
            if (!concluded) {
                concluded = true;
                failures = List.of("the run ended before its verdict (crashed or interrupted)");
                if (ticker != null) {
                    ticker.finish();
                }
                runFolder.failed(failures.get(0));
            }
        } finally {
            timer.shutdownNow();
            if (hiccups != null) {
                hiccups.close();
            }
            runtime.close();
            if (ownsDatastores) {
                datastores.close();
            }
        }
    }
}
