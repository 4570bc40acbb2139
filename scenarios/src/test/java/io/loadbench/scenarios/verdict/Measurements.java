package io.loadbench.scenarios.verdict;

import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.RequestLatencyTotals;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Builds the measurements the check tests judge: a healthy 10-second run unless a test changes one figure. */
public final class Measurements {

    private long measuredDurationMs = 10_000;
    private final TreeMap<String, Measurement.RequestFigures> requests = new TreeMap<>();
    private final TreeMap<String, Measurement.RequestFigures> transactions = new TreeMap<>();
    private Optional<Measurement.Arrivals> arrivals = Optional.empty();
    private int maxConcurrentUsers;
    private double meanConcurrentUsers;
    private long droppedRequests;
    private long maxHiccupUs = 1_000;
    private long stalledUs;
    private long maxLagUs = 1_000;
    private long cpuNanos = 5_000_000_000L;
    private int inFlightAtEnd;
    private boolean endedDuringWarmup;
    private Optional<Measurement.RedisKeyspace> redisInfo = Optional.empty();
    private boolean redisOwnedByRun = true;

    public static Measurements run() {
        return new Measurements();
    }

    /** A request with {@code ok} and {@code ko} requests whose latencies are all {@code latencyUs}. */
    public Measurements request(String name, long ok, long ko, long latencyUs) {
        return lookup(name, ok, ko, 0, 0, latencyUs);
    }

    public Measurements lookup(String name, long ok, long ko, long hits, long misses, long latencyUs) {
        requests.put(name, new Measurement.RequestFigures(ok, ko, 0, hits, misses, totals(name, ok, latencyUs),
                totals(name + ".failed", ko, latencyUs)));
        return this;
    }

    /** A request whose OK requests all took {@code okUs} and failed ones {@code failedUs}, with {@code crashed} crashes. */
    public Measurements request(String name, long ok, long okUs, long ko, long failedUs, long crashed) {
        requests.put(name, new Measurement.RequestFigures(ok, ko, crashed, 0, 0, totals(name, ok, okUs),
                totals(name + ".failed", ko, failedUs)));
        return this;
    }

    public Measurements transaction(String name, long ok, long latencyUs) {
        transactions.put(name, new Measurement.RequestFigures(ok, 0, 0, 0, 0, totals(name, ok, latencyUs), Optional.empty()));
        return this;
    }

    /** Arrivals: {@code expected} due and {@code issued} in the window, and 5-s intervals of (expected, issued) pairs. */
    public Measurements arrivals(boolean poisson, double expected, long issued, double... intervalPairs) {
        java.util.List<Measurement.Arrivals.Interval> intervals = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < intervalPairs.length; i += 2) {
            intervals.add(new Measurement.Arrivals.Interval(i / 2 * 5_000L, intervalPairs[i], (long) intervalPairs[i + 1]));
        }
        this.arrivals = Optional.of(new Measurement.Arrivals(poisson, expected, issued, 5_000, intervals));
        return this;
    }

    public Measurements meanConcurrentUsers(double users) {
        this.meanConcurrentUsers = users;
        return this;
    }

    public Measurements stalledUs(long us) {
        this.stalledUs = us;
        return this;
    }

    public Measurements maxLagUs(long us) {
        this.maxLagUs = us;
        return this;
    }

    public Measurements cpuNanos(long nanos) {
        this.cpuNanos = nanos;
        return this;
    }

    public Measurements durationMs(long ms) {
        this.measuredDurationMs = ms;
        return this;
    }

    public Measurements maxConcurrentUsers(int users) {
        this.maxConcurrentUsers = users;
        return this;
    }

    public Measurements dropped(long count) {
        this.droppedRequests = count;
        return this;
    }

    public Measurements maxHiccupUs(long us) {
        this.maxHiccupUs = us;
        return this;
    }

    public Measurements inFlightAtEnd(int count) {
        this.inFlightAtEnd = count;
        return this;
    }

    public Measurements endedDuringWarmup() {
        this.endedDuringWarmup = true;
        return this;
    }

    public Measurements redisInfo(long hits, long misses, boolean ownedByRun) {
        this.redisInfo = Optional.of(new Measurement.RedisKeyspace(hits, misses));
        this.redisOwnedByRun = ownedByRun;
        return this;
    }

    public Measurement build() {
        LatencyPercentiles hiccups = new LatencyPercentiles(1_000, 50, 90, 200, 500, maxHiccupUs);
        LatencyPercentiles lag = new LatencyPercentiles(1_000, 20, 50, Math.min(100, maxLagUs), Math.min(200, maxLagUs), maxLagUs);
        Measurement.Injector injector = new Measurement.Injector(lag, hiccups, stalledUs, stalledUs / 1000.0 / measuredDurationMs, droppedRequests, cpuNanos, 64L << 20);
        return new Measurement(0, OptionalLong.of(0), measuredDurationMs, requests, transactions, arrivals,
                new Measurement.Users(maxConcurrentUsers, meanConcurrentUsers), injector, inFlightAtEnd, endedDuringWarmup,
                redisInfo, redisOwnedByRun, Path.of("hdr"));
    }

    private static Optional<RequestLatencyTotals> totals(String name, long count, long latencyUs) {
        if (count == 0) {
            return Optional.empty();
        }
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(latencyUs, count);
        return Optional.of(new RequestLatencyTotals(name, histogram, histogram.copy(), 0, 0));
    }
}
