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
 *
 * <p>A scheduled task that throws would end its repetitions silently; here the first failure of a tick (a
 * failed write of the log) stops the ticking, is kept, and is thrown by {@link #finish()} with its cause, so
 * the run that owns the log fails instead of ending with a truncated {@code .hlog}.
 */
public final class LatencyLogTicker implements AutoCloseable {

    private final LatencyIntervalLog log;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private Map<String, RequestLatencyTotals> totals;
    private volatile RuntimeException tickFailure;

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
        scheduler.scheduleAtFixedRate(() -> ticker.keepingFailure(() -> log.tick(clock.millis())), intervalMs, intervalMs,
                TimeUnit.MILLISECONDS);
        if (!warmup.isZero()) {
            scheduler.schedule(() -> ticker.keepingFailure(() -> log.endWarmup(clock.millis())), warmup.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return ticker;
    }

    private void keepingFailure(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (tickFailure == null) {
                tickFailure = e;
            }
            scheduler.shutdown();
        }
    }

    /** The first failure of a tick, if any (the log's own {@link LatencyIntervalLog#failure()} among them). */
    public java.util.Optional<RuntimeException> failure() {
        return java.util.Optional.ofNullable(tickFailure);
    }

    /**
     * Stops ticking and finishes the log (last interval, {@code .hgrm} files); returns the measured totals.
     *
     * @throws java.io.UncheckedIOException (or what a tick threw) when a write of the log failed, now or earlier
     */
    public synchronized Map<String, RequestLatencyTotals> finish() {
        if (totals == null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, RequestLatencyTotals> finished = log.finish(clock.millis());
            if (tickFailure != null) {
                throw tickFailure;
            }
            totals = finished;
        }
        return totals;
    }

    @Override
    public void close() {
        finish();
    }
}
