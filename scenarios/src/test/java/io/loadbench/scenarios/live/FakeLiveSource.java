package io.loadbench.scenarios.live;

import io.loadbench.results.latency.LatencyHistograms;
import io.loadbench.scenarios.protocol.RequestCounters;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** A run's state as a test sets it: counters, arrivals, a constant-rate schedule, users, lag. */
final class FakeLiveSource implements LiveSource {

    final Map<String, RequestCounters.Counts> requests = new TreeMap<>();
    final Map<String, RequestCounters.Counts> transactions = new TreeMap<>();
    long arrivals;
    long dropped;
    int activeUsers;
    int targetUsers;
    int inFlight;
    OptionalLong originNanos = OptionalLong.empty();
    double ratePerSec;
    Duration plannedLoad = Duration.ZERO;
    Histogram lag = LatencyHistograms.newHistogram();

    @Override
    public Map<String, RequestCounters.Counts> requestCounts() {
        return new TreeMap<>(requests);
    }

    @Override
    public Map<String, RequestCounters.Counts> transactionCounts() {
        return new TreeMap<>(transactions);
    }

    @Override
    public long arrivals() {
        return arrivals;
    }

    @Override
    public long dropped() {
        return dropped;
    }

    @Override
    public int activeUsers() {
        return activeUsers;
    }

    @Override
    public int inFlight() {
        return inFlight;
    }

    @Override
    public Histogram lagInterval() {
        return lag;
    }

    @Override
    public OptionalLong originNanos() {
        return originNanos;
    }

    @Override
    public boolean openModel() {
        return ratePerSec > 0;
    }

    @Override
    public double dueArrivals(double fromSec, double toSec) {
        // a constant rate for the planned load, nothing after it (as ArrivalSchedule.expectedBy)
        double endSec = plannedLoad.toMillis() / 1000.0;
        return ratePerSec * (Math.min(toSec, endSec) - Math.min(fromSec, endSec));
    }

    @Override
    public int targetUsers() {
        return targetUsers;
    }

    @Override
    public Duration plannedLoad() {
        return plannedLoad;
    }
}
