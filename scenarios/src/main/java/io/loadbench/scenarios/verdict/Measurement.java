package io.loadbench.scenarios.verdict;

import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.RequestLatencyTotals;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a run measured after its warm-up: the figures every {@link VerdictCheck} judges and {@code scenario.json}
 * reports. Immutable.
 *
 * @param logStartMs             when the interval logs began (epoch ms; their time zero)
 * @param firstRequestMs         when the first request started (epoch ms), empty when none started
 * @param measuredDurationMs     from the end of the warm-up (or the first request, if later) to the last reply
 * @param requests               per request name, in name order
 * @param transactions           per transaction (a named group of requests, timed from the intended start of its
 *                               first request to the end of its last), in name order
 * @param arrivals               the open model's arrivals against its schedule; empty when no schedule ran
 * @param users                  the virtual users counted in and out ({@code userStarted}/{@code userEnded})
 * @param injector               the injector's own health: lag, stalls, dropped requests, CPU, heap
 * @param requestsInFlightAtEnd  requests still queued or running when the verdict gave up waiting for them
 * @param endedDuringWarmup      the load ended before the warm-up did: nothing was measured
 * @param redisInfo              Redis INFO keyspace hits/misses over the measured window, empty when unreadable
 * @param redisOwnedByRun        the Redis server is this run's own (embedded): INFO counts only this run's lookups
 * @param hdrDir                 the run's {@code hdr/} directory (interval logs), for simulation-specific checks
 */
public record Measurement(long logStartMs, OptionalLong firstRequestMs, long measuredDurationMs,
                          SortedMap<String, RequestFigures> requests, SortedMap<String, RequestFigures> transactions,
                          Optional<Arrivals> arrivals, Users users, Injector injector, int requestsInFlightAtEnd,
                          boolean endedDuringWarmup, Optional<RedisKeyspace> redisInfo, boolean redisOwnedByRun,
                          Path hdrDir) {

    public Measurement {
        requests = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requests));
        transactions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(transactions));
    }

    /**
     * One request name's (or transaction's) figures after the warm-up. OK/KO counts come from the histograms of
     * record; crashes, hits and misses from the request counters (split at the same moment, give or take the
     * requests in flight).
     *
     * @param crashed       requests that could not be built or completed: failures without a latency
     * @param latency       the OK requests' histograms, empty when none succeeded
     * @param failedLatency the failed requests' histograms ({@code <request>.failed}), empty when none failed
     */
    public record RequestFigures(long ok, long ko, long crashed, long cacheHits, long cacheMisses,
                                 Optional<RequestLatencyTotals> latency, Optional<RequestLatencyTotals> failedLatency) {

        public long lookups() {
            return cacheHits + cacheMisses;
        }

        /** Hits over lookups, empty when the request is no cache lookup. */
        public OptionalDouble hitRatio() {
            return lookups() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) cacheHits / lookups());
        }

        /**
         * The latency of record from the intended start: OK and failed requests together (a request that waited
         * past the pool timeout counts with its wait), merged losslessly; empty when none ended.
         */
        public Optional<Histogram> intendedWithFailures() {
            return merged(latency.map(RequestLatencyTotals::intended), failedLatency.map(RequestLatencyTotals::intended));
        }

        /** Service times of OK and failed requests together. */
        public Optional<Histogram> serviceWithFailures() {
            return merged(latency.map(RequestLatencyTotals::service), failedLatency.map(RequestLatencyTotals::service));
        }

        private static Optional<Histogram> merged(Optional<Histogram> ok, Optional<Histogram> failed) {
            if (ok.isEmpty()) {
                return failed.map(Histogram::copy);
            }
            Histogram all = ok.get().copy();
            failed.ifPresent(all::add);
            return Optional.of(all);
        }
    }

    /**
     * The open model's arrivals over the measured window: scheduled users that issued their first request,
     * against what the schedules made due over the same window. Follow-up requests, retries and failures are
     * not arrivals.
     *
     * @param poisson      whether some schedule draws Poisson arrivals (intervals then allow for their spread)
     * @param expected     the arrivals the schedules made due in the measured window
     * @param issued       the arrivals that issued their first request in the measured window
     * @param intervalMs   the length of each interval of {@code intervals}
     * @param intervals    whole intervals of the measured window while the schedules ran, in order
     */
    public record Arrivals(boolean poisson, double expected, long issued, long intervalMs, List<Interval> intervals) {

        public Arrivals {
            intervals = List.copyOf(intervals);
        }

        /** One interval: from {@code startMs} after the schedules' origin, the arrivals due and issued in it. */
        public record Interval(long startMs, double expected, long issued) {
        }
    }

    /**
     * The virtual users counted in and out.
     *
     * @param max  the most at once
     * @param mean the time-weighted mean over the measured window (to the end of the hold)
     */
    public record Users(int max, double mean) {

        public static final Users NONE = new Users(0, 0);
    }

    /**
     * The injector's own health over the measured window.
     *
     * @param lagUs           every request's lag: its actual start minus its intended start
     * @param hiccupUs        the stalls a sleeping thread saw (coordinated-omission corrected, as jHiccup)
     * @param stalledUs       the hiccup meter's stalls of 10 ms or more, summed
     * @param stalledShare    {@code stalledUs} as a share of the time the meter measured (the end of the warm-up to the verdict)
     * @param droppedRequests requests the executor could not queue
     * @param cpuNanos        the injector process's CPU time
     * @param heapUsedMaxBytes the most heap in use at a once-a-second sample
     */
    public record Injector(LatencyPercentiles lagUs, LatencyPercentiles hiccupUs, long stalledUs, double stalledShare,
                           long droppedRequests,
                           long cpuNanos, long heapUsedMaxBytes) {
    }

    /** Redis INFO stats {@code keyspace_hits} and {@code keyspace_misses} (a reading, or a difference of two). */
    public record RedisKeyspace(long hits, long misses) {

        public RedisKeyspace minus(RedisKeyspace earlier) {
            return new RedisKeyspace(hits - earlier.hits, misses - earlier.misses);
        }

        public OptionalDouble hitRatio() {
            return hits + misses == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / (hits + misses));
        }

        /** Whether Redis's own hit ratio is within one percentage point of {@code measuredRatio}. */
        public boolean agreesWith(double measuredRatio) {
            OptionalDouble ratio = hitRatio();
            return ratio.isPresent() && Math.abs(ratio.getAsDouble() - measuredRatio) <= 0.01;
        }
    }

    /** The measured window in seconds, at least a millisecond (rates never divide by zero). */
    public double measuredSec() {
        return Math.max(1, measuredDurationMs) / 1000.0;
    }

    /** The injector's CPU time over the measured window, in cores. */
    public double cpuCoresUsed() {
        return injector.cpuNanos() / 1e9 / measuredSec();
    }

    /** The injector's CPU time per request that ended in the measured window, microseconds; 0 without requests. */
    public double cpuMicrosPerRequest() {
        return total() == 0 ? 0 : injector.cpuNanos() / 1000.0 / total();
    }

    /** The share of the measured time the injector's hiccup meter spent stalled. */
    public double stalledShare() {
        return injector.stalledShare();
    }

    public long ok() {
        return requests.values().stream().mapToLong(RequestFigures::ok).sum();
    }

    public long ko() {
        return requests.values().stream().mapToLong(RequestFigures::ko).sum();
    }

    /** Requests that crashed (no latency): failures, counted beside {@link #ko()}. */
    public long crashed() {
        return requests.values().stream().mapToLong(RequestFigures::crashed).sum();
    }

    /** Every request that ended after the warm-up, OK or KO (follow-ups included: this is no arrival rate). */
    public long total() {
        return ok() + ko();
    }

    public double achievedRequestsPerSec() {
        return total() / measuredSec();
    }

    /** Every cache lookup after the warm-up, over all requests. */
    public long lookups() {
        return requests.values().stream().mapToLong(RequestFigures::lookups).sum();
    }

    /** Hits over every lookup after the warm-up, empty when the run made none. */
    public OptionalDouble hitRatio() {
        long hits = requests.values().stream().mapToLong(RequestFigures::cacheHits).sum();
        return lookups() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / lookups());
    }

    /** The OK requests' histograms of {@code request}, empty when it never succeeded. */
    public Optional<RequestLatencyTotals> latency(String request) {
        RequestFigures figures = requests.get(request);
        return figures == null ? Optional.empty() : figures.latency();
    }

    /** The figures of a request or, when no request has that name, of a transaction; empty when neither ran. */
    public Optional<RequestFigures> requestOrTransaction(String name) {
        RequestFigures figures = requests.get(name);
        return Optional.ofNullable(figures != null ? figures : transactions.get(name));
    }

    /** For tests and checks: the figures of one request, or an error naming the known ones. */
    public RequestFigures request(String name) {
        RequestFigures figures = requests.get(name);
        if (figures == null) {
            throw new IllegalArgumentException("no request '" + name + "' was measured; measured: " + requests.keySet());
        }
        return figures;
    }
}
