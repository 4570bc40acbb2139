package io.loadbench.results.scenario;

import io.loadbench.results.RunStatus;
import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.LatencyRecorders;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * A simulation's {@code scenario.json}: its verdict and the figures the verdict was decided on, over the measured
 * window after the warm-up. Written by {@link ScenarioResultWriter}, read by {@link ScenarioResultReader}; the
 * format is documented in {@code results/README.md} and locked by the golden files of every schema version.
 *
 * <p>Rates and ratios are stored as given (producers round them to four decimals); latencies are microseconds,
 * read straight from one histogram each. A figure that a run may lack is an {@code Optional*} here and
 * {@code null} in the file.
 *
 * @param simulation  the simulation's name
 * @param preset      the option preset it ran with
 * @param requests    by request name (sorted)
 * @param transactions by transaction name (sorted): named groups of requests, timed from the intended start of the
 *                    first to the end of the last; empty when the simulation has none (and in schema 1)
 * @param arrivals    the open model's arrivals against its schedule; empty for a closed model (and in schema 1)
 * @param cache       the cache lookups of every request; empty ({@code "cache" : { }}) when no request looked up the cache
 * @param extraChecks the results of the simulation's own checks, each a free-form object written at the top level
 *                    under the check's name (sorted)
 * @param failures    why the run failed; empty when it passed
 * @param status      {@link RunStatus#OK} exactly when there are no failures, else {@link RunStatus#FAILED}
 */
public record ScenarioResult(String simulation, String preset, long warmupMs, Rate rate,
                             Map<String, RequestOutcome> requests, Map<String, RequestOutcome> transactions,
                             Optional<Arrivals> arrivals, Optional<CacheTotals> cache, Injector injector,
                             List<SloOutcome> slos, Map<String, Map<String, Object>> extraChecks, List<String> failures,
                             RunStatus status) {

    /**
     * Version of the {@code scenario.json} format; bump on any incompatible change and update results/README.md.
     * Version 2 added arrivals, transactions, crashed requests, latency with failures and the injector's lag, stalled
     * time, CPU per request and heap; the reader still reads version 1 (those are then absent).
     */
    public static final int SCHEMA_VERSION = 2;

    /** The versions {@link ScenarioResultReader} reads. */
    static final int[] READABLE_VERSIONS = {1, 2};

    /** The file's name in a run folder. */
    public static final String FILE = "scenario.json";

    /**
     * What a request's name is given for its failed (KO) requests in the latency logs: {@code <request>.failed},
     * whose intended latency is {@link RequestOutcome#failedIntendedLatencyUs}.
     */
    public static final String FAILED_REQUEST_SUFFIX = ".failed";

    /** The top-level fields of the format; an extra check may not take one of these names. */
    static final Set<String> FIELDS = Set.of("schemaVersion", "simulation", "preset", "warmupMs", "rate", "requests",
            "transactions", "arrivals", "cache", "injector", "slos", "failures", "status");

    public ScenarioResult {
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(injector, "injector");
        requests = Collections.unmodifiableMap(new TreeMap<>(requests));
        transactions = Collections.unmodifiableMap(new TreeMap<>(transactions));
        Objects.requireNonNull(arrivals, "arrivals");
        slos = List.copyOf(slos);
        extraChecks = Collections.unmodifiableMap(new TreeMap<>(extraChecks));
        failures = List.copyOf(failures);
        for (String name : extraChecks.keySet()) {
            if (FIELDS.contains(name)) {
                throw new IllegalArgumentException("an extra check may not be named '" + name + "': scenario.json has a field of that name");
            }
        }
        if (status != verdict(failures)) {
            throw new IllegalArgumentException("status " + status + " with " + failures.size()
                    + " failures: a scenario is OK exactly when nothing failed");
        }
    }

    /** A result without transactions or arrivals (schema 1's content, or a merge of runs that lack them). */
    public ScenarioResult(String simulation, String preset, long warmupMs, Rate rate, Map<String, RequestOutcome> requests,
                          Optional<CacheTotals> cache, Injector injector, List<SloOutcome> slos,
                          Map<String, Map<String, Object>> extraChecks, List<String> failures, RunStatus status) {
        this(simulation, preset, warmupMs, rate, requests, Map.of(), Optional.empty(), cache, injector, slos, extraChecks,
                failures, status);
    }

    /** The status a scenario with these failures has: OK when there are none. */
    public static RunStatus verdict(List<String> failures) {
        return failures.isEmpty() ? RunStatus.OK : RunStatus.FAILED;
    }

    /**
     * The request rate: targeted against achieved over the measured window.
     *
     * @param targetRequestsPerSecond the open-model target, empty for a closed model (a number of users)
     * @param measuredDurationMs      from the later of the warm-up's end and the first request, to the last reply
     * @param requestsAfterWarmup     OK and KO requests in the measured window
     * @param targetUsers             the closed-model target, empty for an open model
     * @param maxConcurrentUsers      the most users active at once; empty when no user model ran
     * @param meanConcurrentUsers     the users active on average over the measured window, weighted by time; empty
     *                                when no user model ran (and in schema 1)
     */
    public record Rate(OptionalDouble targetRequestsPerSecond, double achievedRequestsPerSecond, long measuredDurationMs,
                       long requestsAfterWarmup, OptionalInt targetUsers, OptionalInt maxConcurrentUsers,
                       OptionalDouble meanConcurrentUsers) {

        public Rate {
            Objects.requireNonNull(meanConcurrentUsers, "meanConcurrentUsers");
        }

        public Rate(OptionalDouble targetRequestsPerSecond, double achievedRequestsPerSecond, long measuredDurationMs,
                    long requestsAfterWarmup, OptionalInt targetUsers, OptionalInt maxConcurrentUsers) {
            this(targetRequestsPerSecond, achievedRequestsPerSecond, measuredDurationMs, requestsAfterWarmup, targetUsers,
                    maxConcurrentUsers, OptionalDouble.empty());
        }
    }

    /**
     * The open model's arrivals (scheduled users that issued their first request) over the measured window,
     * against what the schedule made due in it; follow-up requests and failures are not arrivals.
     *
     * @param process           {@code uniform} or {@code poisson}
     * @param targetPerSecond   the arrivals the schedule made due, per second of the measured window
     * @param achievedPerSecond the arrivals issued, per second of the measured window
     * @param intervals         every whole interval of {@code intervalMs} in the measured window while the schedule ran
     */
    public record Arrivals(String process, double targetPerSecond, double achievedPerSecond, double expected, long issued,
                           long intervalMs, List<Interval> intervals) {

        public Arrivals {
            Objects.requireNonNull(process, "process");
            intervals = List.copyOf(intervals);
        }

        /** One interval from {@code startMs} after the schedule's start: the arrivals due and issued in it. */
        public record Interval(long startMs, double expected, long issued) {
        }
    }

    /**
     * One request name's outcome in the measured window.
     *
     * @param requestsPerSecond        OK and KO requests per second of the measured window
     * @param cacheLookups             the request's cache hits and misses; empty for a request that does not look up the cache
     * @param intendedLatencyUs        from the intended start (the schedule), of the OK requests; empty when none completed
     * @param serviceLatencyUs         from the actual send, of the OK requests; empty when none completed
     * @param failedIntendedLatencyUs  from the intended start, of the KO requests; empty when none failed
     * @param crashed                  requests that could not be built or completed (failures without a latency)
     * @param intendedLatencyWithFailuresUs the latency of record: from the intended start, of the OK and KO requests
     *                                 together (what SLOs judge); empty when none ended (and in schema 1)
     */
    public record RequestOutcome(long ok, long ko, double requestsPerSecond, Optional<CacheLookups> cacheLookups,
                                 Optional<LatencyPercentiles> intendedLatencyUs, Optional<LatencyPercentiles> serviceLatencyUs,
                                 Optional<LatencyPercentiles> failedIntendedLatencyUs, long crashed,
                                 Optional<LatencyPercentiles> intendedLatencyWithFailuresUs) {
        public RequestOutcome {
            Objects.requireNonNull(cacheLookups, "cacheLookups");
            Objects.requireNonNull(intendedLatencyUs, "intendedLatencyUs");
            Objects.requireNonNull(serviceLatencyUs, "serviceLatencyUs");
            Objects.requireNonNull(failedIntendedLatencyUs, "failedIntendedLatencyUs");
            Objects.requireNonNull(intendedLatencyWithFailuresUs, "intendedLatencyWithFailuresUs");
        }

        /** An outcome without crashes or a latency of record (schema 1's content). */
        public RequestOutcome(long ok, long ko, double requestsPerSecond, Optional<CacheLookups> cacheLookups,
                              Optional<LatencyPercentiles> intendedLatencyUs, Optional<LatencyPercentiles> serviceLatencyUs,
                              Optional<LatencyPercentiles> failedIntendedLatencyUs) {
            this(ok, ko, requestsPerSecond, cacheLookups, intendedLatencyUs, serviceLatencyUs, failedIntendedLatencyUs, 0,
                    Optional.empty());
        }
    }

    /**
     * A request's cache lookups, written beside its counts as {@code cacheHits}, {@code cacheMisses}, {@code hitRatio}.
     *
     * @param hitRatio hits over hits and misses
     */
    public record CacheLookups(long hits, long misses, double hitRatio) {
    }

    /**
     * Every request's cache lookups together.
     *
     * @param lookups        hits and misses
     * @param targetHitRatio the ratio the run had to reach; empty when it had none
     * @param redisInfo      the same lookups as Redis {@code INFO stats} counted them; empty ({@code "redisInfo" : { }})
     *                       when INFO could not be read
     */
    public record CacheTotals(long lookups, double hitRatio, OptionalDouble targetHitRatio, Optional<RedisInfo> redisInfo) {
        public CacheTotals {
            Objects.requireNonNull(targetHitRatio, "targetHitRatio");
            Objects.requireNonNull(redisInfo, "redisInfo");
        }
    }

    /**
     * Redis's own keyspace counters over the measured window, a cross-check of the requests' hit ratio.
     *
     * @param hitRatio                        empty when Redis counted no lookup
     * @param agreesWithinOnePercentagePoint whether it matches the requests' ratio within 0.01
     */
    public record RedisInfo(long keyspaceHits, long keyspaceMisses, OptionalDouble hitRatio,
                            boolean agreesWithinOnePercentagePoint) {
    }

    /**
     * The load generator's own health: a busy or stalled injector measures itself, not the target.
     *
     * @param hiccupUs          the stalls a sleeping thread saw over the run
     * @param droppedRequests   requests never sent because the executor queue was full
     * @param cpuCoresUsed      process CPU time over the measured window, in cores
     * @param maxStallAllowedMs the longest stall the run allowed
     * @param load              lag, stalled time, CPU per request and heap; empty in schema 1
     */
    public record Injector(LatencyPercentiles hiccupUs, long droppedRequests, double cpuCoresUsed, int availableProcessors,
                           long maxStallAllowedMs, Optional<InjectorLoad> load) {
        public Injector {
            Objects.requireNonNull(hiccupUs, "hiccupUs");
            Objects.requireNonNull(load, "load");
        }

        public Injector(LatencyPercentiles hiccupUs, long droppedRequests, double cpuCoresUsed, int availableProcessors,
                        long maxStallAllowedMs) {
            this(hiccupUs, droppedRequests, cpuCoresUsed, availableProcessors, maxStallAllowedMs, Optional.empty());
        }
    }

    /**
     * What the injector itself cost and how far it fell behind (schema 2), written inside {@code injector}.
     *
     * @param lagUs               every request's actual start minus its intended start
     * @param maxLagAllowedMs     the largest lag the run allowed
     * @param stalledMs           the hiccup meter's stalls of at least 1 ms, summed over the measured window
     * @param maxStalledShare     the share of the window the run allowed the injector to be stalled
     * @param cpuMicrosPerRequest the injector process's CPU time over the measured window per request that ended in it
     * @param heapUsedMaxBytes    the most heap in use at a once-a-second sample
     * @param heapMaxBytes        the JVM's heap limit ({@code -Xmx})
     */
    public record InjectorLoad(LatencyPercentiles lagUs, long maxLagAllowedMs, long stalledMs, double maxStalledShare,
                               double cpuMicrosPerRequest, long heapUsedMaxBytes, long heapMaxBytes) {
        public InjectorLoad {
            Objects.requireNonNull(lagUs, "lagUs");
        }
    }

    /**
     * One service-level objective's result.
     *
     * @param objective the objective and the figure measured, in words
     * @param actualUs  the measured latency; empty when the request never completed
     */
    public record SloOutcome(String objective, OptionalLong actualUs, boolean passed) {
        public SloOutcome {
            Objects.requireNonNull(objective, "objective");
            Objects.requireNonNull(actualUs, "actualUs");
        }
    }

    /**
     * The outcome of the request whose latency files are {@code hdr/<fileName>.*} (see
     * {@link LatencyRecorders#fileName}).
     */
    public Optional<RequestOutcome> requestByFileName(String fileName) {
        RequestOutcome exact = requests.get(fileName);
        if (exact != null) {
            return Optional.of(exact);
        }
        return requests.entrySet().stream()
                .filter(request -> LatencyRecorders.fileName(request.getKey()).equals(fileName))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
