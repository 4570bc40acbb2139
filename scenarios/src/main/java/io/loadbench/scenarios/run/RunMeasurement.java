package io.loadbench.scenarios.run;

import io.loadbench.results.latency.LatencyIntervalListener;
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
import java.util.ArrayList;
import java.util.List;
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
    private record Phase(long startNanos, long cpuNanos, Map<String, RequestCounters.Counts> counts,
                         Map<String, RequestCounters.Counts> transactionCounts, long arrivals,
                         Optional<Measurement.RedisKeyspace> keyspace) {
    }

    /** Arrivals are judged per interval of this length. */
    static final Duration RATE_INTERVAL = Duration.ofSeconds(5);

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
    private final java.util.concurrent.atomic.AtomicLong heapUsedMax = new java.util.concurrent.atomic.AtomicLong();
    private volatile OptionalLong firstRequestMs = OptionalLong.empty();
    private volatile long firstRequestNanos = Long.MIN_VALUE;
    private Optional<Phase> measured = Optional.empty();
    private boolean stopped;
    private Optional<RuntimeException> writeFailure = Optional.empty();

    private RunMeasurement(String simulation, DatastoreRuntime runtime, Supplier<Optional<Measurement.RedisKeyspace>> redisKeyspace,
                           Clock clock, Path hdrDir, LatencyIntervalListener live) {
        this.simulation = simulation;
        this.runtime = runtime;
        this.redisKeyspace = redisKeyspace;
        this.clock = clock;
        this.hdrDir = hdrDir;
        this.logStartMs = clock.millis();
        this.intervalLog = LatencyIntervalLog.open(hdrDir, runtime.recorders(), logStartMs, true, live);
        this.ticker = LatencyLogTicker.start(intervalLog, LOG_INTERVAL, Duration.ZERO, clock);
        this.hiccups = HiccupMeter.start();
    }

    /**
     * Starts the interval logs and the hiccup meter now, and the warm-up at the first request.
     *
     * @param redisKeyspace reads Redis INFO keyspace hits/misses (empty when the run has no Redis or cannot read it)
     * @param live          hears every interval the interval log writes (the live view), or {@link LatencyIntervalListener#NONE}
     */
    static RunMeasurement begin(String simulation, Duration warmup, DatastoreRuntime runtime,
                                Supplier<Optional<Measurement.RedisKeyspace>> redisKeyspace, Clock clock, Path hdrDir,
                                LatencyIntervalListener live) {
        RunMeasurement measurement = new RunMeasurement(simulation, runtime, redisKeyspace, clock, hdrDir, live);
        if (warmup.isZero()) {
            measurement.endWarmup();
        }
        runtime.onFirstRequest(() -> {
            measurement.firstRequestNanos = System.nanoTime();
            measurement.firstRequestMs = OptionalLong.of(clock.millis());
            if (!warmup.isZero()) {
                measurement.warmupTimer.schedule(measurement::endWarmupOnTimer, warmup.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        return measurement;
    }

    /** The warm-up timer's task: a failure is kept for the verdict, never lost in the executor. */
    private void endWarmupOnTimer() {
        try {
            endWarmup();
        } catch (RuntimeException e) {
            LOG.error("{}: the warm-up could not end: {}", simulation, e.toString());
            synchronized (this) {
                writeFailure = writeFailure.or(() -> Optional.of(e));
            }
        }
    }

    private synchronized void endWarmup() {
        if (measured.isPresent() || stopped) {
            return;
        }
        long now = clock.millis();
        long startNanos = System.nanoTime();
        // every counter first, at one moment; the interval log's split (a write) and Redis INFO (a round trip) after
        long arrivals = runtime.timeline().arrivals();
        long cpuNanos = processCpuNanos();
        Map<String, RequestCounters.Counts> counts = runtime.counters().snapshot();
        Map<String, RequestCounters.Counts> transactionCounts = runtime.transactionCounters().snapshot();
        hiccups.startMeasuring();
        runtime.timeline().takeLag();
        runtime.timeline().users().startWindow();
        intervalLog.endWarmup(now);
        measured = Optional.of(new Phase(startNanos, cpuNanos, counts, transactionCounts, arrivals, redisKeyspace.get()));
        warmupTimer.scheduleAtFixedRate(this::sampleHeap, 0, 1, TimeUnit.SECONDS);
        LOG.info("{}: warm-up over, measuring", simulation);
    }

    private void sampleHeap() {
        heapUsedMax.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
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
     * @param schedules the open model's arrival schedules, whose arrivals the rate is judged by (empty: none)
     */
    synchronized Measurement finish(Duration awaitIdle, boolean redisOwnedByRun, List<ArrivalSchedule> schedules) {
        int inFlight = awaitIdle(awaitIdle);
        boolean endedDuringWarmup = measured.isEmpty();
        endWarmup();
        Phase phase = measured.orElseThrow();
        stopped = true;
        sampleHeap();
        // the measured window ends with the last reply, not with the verdict (which waits for Gatling); durations
        // come from the monotonic clock: the wall clock of a VM can step by seconds (a host's time sync) mid-run
        long lastEndNanos = runtime.lastEndNanos();
        long endNanos = lastEndNanos == Long.MIN_VALUE ? System.nanoTime() : lastEndNanos;
        long windowStartNanos = Math.max(phase.startNanos(), firstRequestNanos == Long.MIN_VALUE ? phase.startNanos() : firstRequestNanos);
        long measuredMs = TimeUnit.NANOSECONDS.toMillis(endNanos - windowStartNanos);
        long cpuNanos = processCpuNanos() - phase.cpuNanos();
        Map<String, RequestLatencyTotals> totals = finishLogs();
        org.HdrHistogram.Histogram lag = runtime.timeline().takeLag();
        LatencyPercentiles hiccupUs = LatencyPercentiles.of(hiccups.stop());
        long stalledUs = hiccups.stalledUs();
        double stalledShare = hiccups.stalledShare();
        double meanUsers = runtime.timeline().users().meanOverWindow();
        warmupTimer.shutdownNow();
        Optional<Measurement.RedisKeyspace> keyspaceEnd = redisKeyspace.get();
        Optional<Measurement.RedisKeyspace> redisInfo = phase.keyspace().isPresent() && keyspaceEnd.isPresent()
                ? Optional.of(keyspaceEnd.get().minus(phase.keyspace().get())) : Optional.empty();

        Map<String, Measurement.RequestFigures> requests = figures(runtime.counters().snapshot(), phase.counts(), totals);
        Map<String, Measurement.RequestFigures> transactions = figures(runtime.transactionCounters().snapshot(),
                phase.transactionCounts(), totals);
        Optional<Measurement.Arrivals> arrivals = schedules.isEmpty() || !runtime.timeline().started() ? Optional.empty()
                : Optional.of(arrivals(schedules, phase.arrivals(), windowStartNanos, endNanos));
        Measurement.Injector injector = new Measurement.Injector(LatencyPercentiles.of(lag), hiccupUs, stalledUs, stalledShare,
                runtime.droppedCount(), cpuNanos, heapUsedMax.get());
        return new Measurement(logStartMs, firstRequestMs, measuredMs, new TreeMap<>(requests),
                new TreeMap<>(transactions), arrivals, new Measurement.Users(runtime.timeline().users().max(), meanUsers),
                injector, inFlight, endedDuringWarmup, redisInfo, redisOwnedByRun, hdrDir);
    }

    /** Each name's figures after the warm-up: counts now minus at its end, with its measured histograms. */
    private static Map<String, Measurement.RequestFigures> figures(Map<String, RequestCounters.Counts> now,
                                                                   Map<String, RequestCounters.Counts> atWarmupEnd,
                                                                   Map<String, RequestLatencyTotals> totals) {
        Map<String, Measurement.RequestFigures> figures = new TreeMap<>();
        now.forEach((name, counts) -> {
            RequestCounters.Counts before = atWarmupEnd.getOrDefault(name, RequestCounters.Counts.NONE);
            Optional<RequestLatencyTotals> latency = Optional.ofNullable(totals.get(name));
            Optional<RequestLatencyTotals> failed = Optional.ofNullable(totals.get(name + DatastoreRuntime.FAILED_SUFFIX));
            figures.put(name, new Measurement.RequestFigures(
                    latency.map(t -> t.intended().getTotalCount()).orElse(0L),
                    failed.map(t -> t.intended().getTotalCount()).orElse(0L),
                    counts.crashed() - before.crashed(),
                    counts.hits() - before.hits(), counts.misses() - before.misses(), latency, failed));
        });
        return figures;
    }

    /**
     * The arrivals of the measured window against what the schedules made due in it, overall and per whole
     * {@link #RATE_INTERVAL} while the schedules ran (the intervals count from the schedules' origin).
     */
    private Measurement.Arrivals arrivals(List<ArrivalSchedule> schedules, long arrivalsAtWarmupEnd, long windowStartNanos,
                                          long endNanos) {
        long origin = runtime.timeline().originNanosOrNow();
        double fromSec = Math.max(0, (windowStartNanos - origin) / 1e9);
        double toSec = Math.max(fromSec, (endNanos - origin) / 1e9);
        double scheduleEndSec = schedules.stream().mapToDouble(ArrivalSchedule::lengthSec).max().orElse(0);
        long[] perSecond = runtime.timeline().arrivalsPerSecond();
        List<Measurement.Arrivals.Interval> intervals = new ArrayList<>();
        long step = RATE_INTERVAL.toSeconds();
        for (long start = (long) Math.ceil(fromSec); start + step <= Math.min(toSec, scheduleEndSec) + 1e-9; start += step) {
            long issued = 0;
            for (long second = start; second < start + step && second < perSecond.length; second++) {
                issued += perSecond[(int) second];
            }
            intervals.add(new Measurement.Arrivals.Interval(start * 1000, expected(schedules, start, start + step), issued));
        }
        boolean poisson = schedules.stream().anyMatch(s -> s.process() == ArrivalSchedule.Process.POISSON);
        return new Measurement.Arrivals(poisson, expected(schedules, fromSec, toSec),
                runtime.timeline().arrivals() - arrivalsAtWarmupEnd, RATE_INTERVAL.toMillis(), intervals);
    }

    private static double expected(List<ArrivalSchedule> schedules, double fromSec, double toSec) {
        return schedules.stream().mapToDouble(s -> s.expectedBy(toSec) - s.expectedBy(fromSec)).sum();
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
