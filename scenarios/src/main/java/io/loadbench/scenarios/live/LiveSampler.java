package io.loadbench.scenarios.live;

import io.loadbench.results.latency.LatencyHistograms;
import io.loadbench.results.latency.LatencyInterval;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import io.loadbench.scenarios.protocol.RequestCounters;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Turns each interval of the interval log, with what the {@link LiveSource} says at that moment, into a
 * {@link LiveSample}: the interval's histograms of every request added into one (never percentiles averaged),
 * counters as differences from the previous sample. An interval shorter than {@link #MIN_INTERVAL_SEC} (the log
 * closes one at the end of the warm-up and at the end of the run) is added to the next one instead: a rate over a
 * few milliseconds says nothing. Not thread-safe: one sampling thread (the log's ticker).
 */
final class LiveSampler {

    /** The shortest interval a sample describes. */
    static final double MIN_INTERVAL_SEC = 0.5;

    private final LiveSource source;
    private final LongSupplier nanoClock;
    private final Histogram intended = LatencyHistograms.newHistogram();
    private final Histogram service = LatencyHistograms.newHistogram();
    private final Histogram lag = LatencyHistograms.newHistogram();
    private double pendingSec;
    private boolean pendingWarmup;
    private long seq;
    private long lastFailures;
    private long lastDrops;
    private long lastArrivals;

    /** @param nanoClock {@link System#nanoTime()} in a run, the clock the schedule's origin is on */
    LiveSampler(LiveSource source, LongSupplier nanoClock) {
        this.source = source;
        this.nanoClock = nanoClock;
    }

    /**
     * The sample of {@code interval}, whose lag histogram is {@code lagUs} (microseconds), or empty while the
     * intervals heard since the last sample are shorter than {@link #MIN_INTERVAL_SEC} together.
     */
    Optional<LiveSample> sample(LatencyInterval interval, Histogram lagUs) {
        if (pendingSec == 0) {
            intended.reset();
            service.reset();
            lag.reset();
            pendingWarmup = false;
        }
        Set<String> transactions = source.transactionCounts().keySet();
        for (LatencyInterval.Request request : interval.requests()) {
            if (!transactions.contains(baseName(request.requestName()))) {
                intended.add(request.intended());
                service.add(request.service());
            }
        }
        lag.add(lagUs);
        pendingSec += interval.lengthMs() / 1000.0;
        pendingWarmup |= interval.warmup();
        if (pendingSec < MIN_INTERVAL_SEC) {
            return Optional.empty();
        }
        double intervalSec = pendingSec;
        pendingSec = 0;
        long failures = failures(source.requestCounts());
        long drops = source.dropped();
        long arrivals = source.arrivals();
        OptionalLong origin = source.originNanos();
        double elapsedSec = origin.isPresent() ? Math.max(0, (nanoClock.getAsLong() - origin.getAsLong()) / 1e9) : 0;
        OptionalDouble target = source.openModel() && origin.isPresent()
                ? OptionalDouble.of(source.dueArrivals(Math.max(0, elapsedSec - intervalSec), elapsedSec) / intervalSec)
                : OptionalDouble.empty();
        LiveSample sample = new LiveSample(++seq, origin.isPresent(), elapsedSec, source.plannedLoad().toMillis() / 1000.0,
                intervalSec, pendingWarmup, target, (arrivals - lastArrivals) / intervalSec, source.targetUsers(),
                source.activeUsers(), intended.getTotalCount() / intervalSec, failures, failures - lastFailures, drops,
                drops - lastDrops, percentile(intended, 50), percentile(intended, 99), percentile(service, 50),
                percentile(service, 99), percentile(lag, 99), source.inFlight());
        lastFailures = failures;
        lastDrops = drops;
        lastArrivals = arrivals;
        return Optional.of(sample);
    }

    /** A request name without the suffix of its failed series. */
    static String baseName(String seriesName) {
        return seriesName.endsWith(DatastoreRuntime.FAILED_SUFFIX)
                ? seriesName.substring(0, seriesName.length() - DatastoreRuntime.FAILED_SUFFIX.length()) : seriesName;
    }

    private static long failures(Map<String, RequestCounters.Counts> counts) {
        long failures = 0;
        for (RequestCounters.Counts count : counts.values()) {
            failures += count.ko() + count.crashed();
        }
        return failures;
    }

    private static OptionalLong percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? OptionalLong.empty() : OptionalLong.of(histogram.getValueAtPercentile(percentile));
    }
}
