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
    private int maxConcurrentUsers;
    private long droppedRequests;
    private long maxHiccupUs = 1_000;
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
        requests.put(name, new Measurement.RequestFigures(ok, ko, hits, misses, totals(name, ok, latencyUs),
                totals(name + ".failed", ko, latencyUs)));
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
        return new Measurement(0, OptionalLong.of(0), measuredDurationMs, requests, maxConcurrentUsers, droppedRequests,
                hiccups, 0.5, inFlightAtEnd, endedDuringWarmup, redisInfo, redisOwnedByRun, Path.of("hdr"));
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
