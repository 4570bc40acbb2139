package io.loadbench.scenarios.run;

import io.loadbench.results.latency.LatencyIntervalLog;
import io.loadbench.results.latency.LatencyLogTicker;
import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.RequestLatencyTotals;
import io.loadbench.scenarios.protocol.DatastoreEngine;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import io.loadbench.scenarios.protocol.RequestCounters;
import io.loadbench.scenarios.verdict.Measurement;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measuring part of a run, from {@link #begin} to {@link #finish}: interval logs ticking every second, the
 * hiccup meter, the warm-up (it runs from the first request a virtual user starts, so Gatling's own start-up is
 * neither warm-up nor measured), and what was true when the warm-up ended. {@link #finish} turns it into the
 * {@link Measurement} the verdict judges. Thread-safe.
 */
final class RunMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(RunMeasurement.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(1);

    /** What was true when the measurement started (end of warm-up). */
    private record Phase(long startMs, long cpuNanos, Map<String, RequestCounters.Counts> counts,
                         Optional<Measurement.RedisKeyspace> keyspace) {
    }

    private final String simulation;
    private final DatastoreRuntime runtime;
    private final Supplier<Optional<Measurement.RedisKeyspace>> redisKeyspace;
    private final Clock clock;
    private final Path hdrDir;
    private final long logStartMs;
    private final LatencyIntervalLog intervalLog;
    private final LatencyLogTicker ticker;
    private final HiccupMeter hiccups;
    private final ScheduledExecutorService warmupTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulation-warmup-timer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile OptionalLong firstRequestMs = OptionalLong.empty();
    private Optional<Phase> measured = Optional.empty();
    private boolean stopped;
    private Optional<RuntimeException> writeFailure = Optional.empty();

    private RunMeasurement(String simulation, DatastoreRuntime runtime, Supplier<Optional<Measurement.RedisKeyspace>> redisKeyspace,
                           Clock clock, Path hdrDir) {
        this.simulation = simulation;
        this.runtime = runtime;
        this.redisKeyspace = redisKeyspace;
        this.clock = clock;
        this.hdrDir = hdrDir;
        this.logStartMs = clock.millis();
        this.intervalLog = LatencyIntervalLog.open(hdrDir, runtime.recorders(), logStartMs, true);
        this.ticker = LatencyLogTicker.start(intervalLog, LOG_INTERVAL, Duration.ZERO, clock);
        this.hiccups = HiccupMeter.start();
    }

    /**
     * Starts the interval logs and the hiccup meter now, and the warm-up at the first request.
     *
     * @param redisKeyspace reads Redis INFO keyspace hits/misses (empty when the run has no Redis or cannot read it)
     */
    static RunMeasurement begin(String simulation, Duration warmup, DatastoreRuntime runtime,
                                Supplier<Optional<Measurement.RedisKeyspace>> redisKeyspace, Clock clock, Path hdrDir) {
        RunMeasurement measurement = new RunMeasurement(simulation, runtime, redisKeyspace, clock, hdrDir);
        if (warmup.isZero()) {
            measurement.endWarmup();
        }
        runtime.onFirstRequest(() -> {
            measurement.firstRequestMs = OptionalLong.of(clock.millis());
            if (!warmup.isZero()) {
                measurement.warmupTimer.schedule(measurement::endWarmup, warmup.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        return measurement;
    }

    private synchronized void endWarmup() {
        if (measured.isPresent() || stopped) {
            return;
        }
        long now = clock.millis();
        intervalLog.endWarmup(now);
        hiccups.startMeasuring();
        measured = Optional.of(new Phase(now, processCpuNanos(), runtime.counters().snapshot(), redisKeyspace.get()));
        LOG.info("{}: warm-up over, measuring", simulation);
    }

    long logStartMs() {
        return logStartMs;
    }

    OptionalLong firstRequestMs() {
        return firstRequestMs;
    }

    /** The measured latency totals by request name. */
    Map<String, RequestLatencyTotals> latencyTotals() {
        return intervalLog.totals();
    }

    /**
     * Ends the measurement: waits (bounded by {@code awaitIdle}) for the requests in flight, closes the interval
     * logs and returns what was measured after the warm-up. A load that ended during its warm-up ends it now,
     * so the figures are those of an empty window and {@link Measurement#endedDuringWarmup()} says so.
     *
     * @param maxConcurrentUsers the most virtual users counted in at once
     */
    synchronized Measurement finish(Duration awaitIdle, boolean redisOwnedByRun, int maxConcurrentUsers) {
        int inFlight = awaitIdle(awaitIdle);
        boolean endedDuringWarmup = measured.isEmpty();
        endWarmup();
        Phase phase = measured.orElseThrow();
        stopped = true;
        // the measured window ends with the last reply, not with the verdict (which waits for Gatling)
        long lastEndNanos = runtime.lastEndNanos();
        long endMs = lastEndNanos == Long.MIN_VALUE ? clock.millis()
                : clock.millis() - Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastEndNanos));
        long windowStartMs = Math.max(phase.startMs(), firstRequestMs.orElse(phase.startMs()));
        double measuredSec = Math.max(1, endMs - windowStartMs) / 1000.0;
        long cpuNanos = processCpuNanos() - phase.cpuNanos();
        Map<String, RequestLatencyTotals> totals = finishLogs();
        LatencyPercentiles hiccupUs = LatencyPercentiles.of(hiccups.stop());
        warmupTimer.shutdownNow();
        Optional<Measurement.RedisKeyspace> keyspaceEnd = redisKeyspace.get();
        Optional<Measurement.RedisKeyspace> redisInfo = phase.keyspace().isPresent() && keyspaceEnd.isPresent()
                ? Optional.of(keyspaceEnd.get().minus(phase.keyspace().get())) : Optional.empty();

        Map<String, Measurement.RequestFigures> requests = new TreeMap<>();
        runtime.counters().snapshot().forEach((name, now) -> {
            RequestCounters.Counts before = phase.counts().getOrDefault(name, new RequestCounters.Counts(0, 0, 0, 0));
            Optional<RequestLatencyTotals> latency = Optional.ofNullable(totals.get(name));
            Optional<RequestLatencyTotals> failed = Optional.ofNullable(totals.get(name + DatastoreRuntime.FAILED_SUFFIX));
            requests.put(name, new Measurement.RequestFigures(
                    latency.map(t -> t.intended().getTotalCount()).orElse(0L),
                    failed.map(t -> t.intended().getTotalCount()).orElse(0L),
                    now.hits() - before.hits(), now.misses() - before.misses(), latency, failed));
        });
        return new Measurement(logStartMs, firstRequestMs, endMs - windowStartMs, new TreeMap<>(requests), maxConcurrentUsers,
                runtime.droppedCount(), hiccupUs, cpuNanos / 1e9 / measuredSec, inFlight, endedDuringWarmup,
                redisInfo, redisOwnedByRun, hdrDir);
    }

    /** Finishes the interval logs; a failed write of one fails the run ({@link #writeFailure}), judged on what was recorded. */
    private Map<String, RequestLatencyTotals> finishLogs() {
        try {
            return ticker.finish();
        } catch (RuntimeException e) {
            writeFailure = Optional.of(e);
            return intervalLog.totals();
        }
    }

    /** The requests still in flight after waiting up to {@code timeout} for them. */
    private int awaitIdle(Duration timeout) {
        DatastoreEngine engine = runtime.engineIfStarted();
        try {
            if (engine != null && !engine.awaitIdle(timeout.toMillis())) {
                return engine.inFlight();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The failed write of an interval log that {@link #finish} met, if any: its {@code .hlog} files are incomplete. */
    synchronized Optional<RuntimeException> writeFailure() {
        return writeFailure;
    }

    /** Stops measuring without a verdict (a crashed or interrupted run). */
    synchronized void abandon() {
        if (!stopped) {
            stopped = true;
            try {
                ticker.finish();
            } catch (RuntimeException e) {
                // the run already ended FAILED; releasing the rest matters more than this write's cause
                LOG.warn("{}: {}", simulation, e.getMessage());
            }
        }
        warmupTimer.shutdownNow();
        hiccups.close();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
