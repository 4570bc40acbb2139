package io.loadbench.results.latency;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link LatencyIntervalLog} in real time: a tick every {@code interval}, the warm-up boundary at
 * exactly {@code start + warmup}, and the final interval when closed. One daemon thread, stopped by
 * {@link #close()}.
 */
public final class LatencyLogTicker implements AutoCloseable {

    private final LatencyIntervalLog log;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private Map<String, RequestLatencyTotals> totals;

    private LatencyLogTicker(LatencyIntervalLog log, Clock clock, ScheduledExecutorService scheduler) {
        this.log = log;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Starts ticking.
     *
     * @param interval the interval-log resolution, e.g. one second
     * @param warmup   how long after now the warm-up ends; zero when the log was opened without warm-up
     */
    public static LatencyLogTicker start(LatencyIntervalLog log, Duration interval, Duration warmup, Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval-log interval must be positive, got " + interval);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("the warm-up must not be negative, got " + warmup);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "latency-interval-log");
            thread.setDaemon(true);
            return thread;
        });
        LatencyLogTicker ticker = new LatencyLogTicker(log, clock, scheduler);
        long intervalMs = interval.toMillis();
        scheduler.scheduleAtFixedRate(() -> log.tick(clock.millis()), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        if (!warmup.isZero()) {
            scheduler.schedule(() -> log.endWarmup(clock.millis()), warmup.toMillis(), TimeUnit.MILLISECONDS);
        }
        return ticker;
    }

    /** Stops ticking and finishes the log (last interval, {@code .hgrm} files); returns the measured totals. */
    public synchronized Map<String, RequestLatencyTotals> finish() {
        if (totals == null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            totals = log.finish(clock.millis());
        }
        return totals;
    }

    @Override
    public void close() {
        finish();
    }
}
