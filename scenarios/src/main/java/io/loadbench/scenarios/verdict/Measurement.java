package io.loadbench.scenarios.verdict;

import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.RequestLatencyTotals;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run measured after its warm-up: the figures every {@link VerdictCheck} judges and {@code scenario.json}
 * reports. Immutable.
 *
 * @param logStartMs             when the interval logs began (epoch ms; their time zero)
 * @param firstRequestMs         when the first request started (epoch ms), empty when none started
 * @param measuredDurationMs     from the end of the warm-up (or the first request, if later) to the last reply
 * @param requests               per request name, in name order
 * @param maxConcurrentUsers     the most virtual users counted in at once ({@code userStarted}/{@code userEnded})
 * @param droppedRequests        requests the executor could not queue
 * @param hiccups                the injector JVM's own stalls (hiccup meter), microseconds
 * @param cpuCoresUsed           the injector process's CPU time over the measured window, in cores
 * @param requestsInFlightAtEnd  requests still queued or running when the verdict gave up waiting for them
 * @param endedDuringWarmup      the load ended before the warm-up did: nothing was measured
 * @param redisInfo              Redis INFO keyspace hits/misses over the measured window, empty when unreadable
 * @param redisOwnedByRun        the Redis server is this run's own (embedded): INFO counts only this run's lookups
 * @param hdrDir                 the run's {@code hdr/} directory (interval logs), for simulation-specific checks
 */
public record Measurement(long logStartMs, OptionalLong firstRequestMs, long measuredDurationMs,
                          SortedMap<String, RequestFigures> requests, int maxConcurrentUsers, long droppedRequests,
                          LatencyPercentiles hiccups, double cpuCoresUsed, int requestsInFlightAtEnd,
                          boolean endedDuringWarmup, Optional<RedisKeyspace> redisInfo, boolean redisOwnedByRun,
                          Path hdrDir) {

    public Measurement {
        requests = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requests));
    }

    /**
     * One request name's figures after the warm-up. OK/KO counts come from the histograms of record; hits and
     * misses from the request counters (split at the same moment, give or take the requests in flight).
     *
     * @param latency       the OK requests' histograms, empty when none succeeded
     * @param failedLatency the failed requests' histograms ({@code <request>.failed}), empty when none failed
     */
    public record RequestFigures(long ok, long ko, long cacheHits, long cacheMisses,
                                 Optional<RequestLatencyTotals> latency, Optional<RequestLatencyTotals> failedLatency) {

        public long lookups() {
            return cacheHits + cacheMisses;
        }

        /** Hits over lookups, empty when the request is no cache lookup. */
        public OptionalDouble hitRatio() {
            return lookups() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) cacheHits / lookups());
        }
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

    public long ok() {
        return requests.values().stream().mapToLong(RequestFigures::ok).sum();
    }

    public long ko() {
        return requests.values().stream().mapToLong(RequestFigures::ko).sum();
    }

    /** Every request that ended after the warm-up, OK or KO. */
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

    /** For tests and checks: the figures of one request, or an error naming the known ones. */
    public RequestFigures request(String name) {
        RequestFigures figures = requests.get(name);
        if (figures == null) {
            throw new IllegalArgumentException("no request '" + name + "' was measured; measured: " + requests.keySet());
        }
        return figures;
    }
}
