package io.loadbench.results.noise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples the machine's noise on one daemon thread while a run is open: a reading of the {@link MachineProbe} at
 * {@link #start()} (on the caller's thread), then one every interval on the sampler's thread, and a last one at
 * {@link #stop()} (on the caller's again, once the sampler's thread has ended: the probe is never called
 * concurrently). Each interval's figures are kept, and {@link #stop()} summarises them against the thresholds. Single use: started once, stopped once. {@link #stop()} waits at most
 * {@link #STOP_TIMEOUT} for a reading in progress, so ending a run never hangs on the probe.
 *
 * <p>Thread-safe: the run's owner, its shutdown hook and the sampling thread may call in concurrently.
 */
public final class NoiseSampler {

    /** Samples once a second: enough for a p95 of a minute-long run, and the probe costs about 1 ms. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /** How long {@link #stop()} waits for a reading in progress. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final MachineProbe probe;
    private final NoiseThresholds thresholds;
    private final Duration interval;
    private final List<NoiseInterval> intervals = new ArrayList<>();
    private ScheduledExecutorService executor;
    private MachineReading previous;
    private NoiseSummary summary;

    public NoiseSampler(MachineProbe probe, NoiseThresholds thresholds, Duration interval) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the sampling interval must be positive, got " + interval);
        }
        this.interval = interval;
    }

    /** Sampling through OSHI, every {@link #DEFAULT_INTERVAL}. */
    public static NoiseSampler ofMachine(NoiseThresholds thresholds) {
        return new NoiseSampler(new OshiMachineProbe(), thresholds, DEFAULT_INTERVAL);
    }

    /** Counts the processes {@code pids} names as the run's own CPU: {@link MachineProbe#countAsOwn}. */
    public void countAsOwn(Supplier<? extends Collection<Long>> pids) {
        probe.countAsOwn(pids);
    }

    /** Takes the first reading and starts the sampling thread. */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("the noise sampler was already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "loadbench-noise-sampler");
            thread.setDaemon(true);
            return thread;
        });
        // the first reading is taken here, so a run that ends at once still has its starting point
        sample();
        long intervalMs = interval.toMillis();
        executor.scheduleAtFixedRate(this::sample, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops sampling, takes a last reading (the time since the previous one counts when it is at least half an
     * interval) and returns the summary. Idempotent: later calls return the same summary.
     */
    public NoiseSummary stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            if (summary != null) {
                return summary;
            }
            if (executor == null) {
                throw new IllegalStateException("the noise sampler was never started");
            }
            running = executor;
        }
        running.shutdown();
        boolean stopped;
        try {
            stopped = running.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            running.shutdownNow();
        }
        synchronized (this) {
            if (summary == null) {
                if (stopped) {
                    lastSample();
                }
                summary = NoiseSummary.of(interval.toMillis(), intervals, thresholds);
            }
            return summary;
        }
    }

    private void sample() {
        Optional<MachineReading> reading = read();
        synchronized (this) {
            if (summary == null && reading.isPresent()) {
                if (previous != null) {
                    NoiseInterval.between(previous, reading.get()).ifPresent(intervals::add);
                }
                previous = reading.get();
            }
        }
    }

    /** The stretch since the previous reading, if it is long enough for its figures to mean something. */
    private void lastSample() {
        Optional<MachineReading> reading = read();
        if (previous == null || reading.isEmpty()) {
            return;
        }
        Optional<NoiseInterval> last = NoiseInterval.between(previous, reading.get());
        long elapsedMs = (reading.get().totalCpuMs() - previous.totalCpuMs()) / reading.get().logicalCores();
        if (last.isPresent() && elapsedMs * 2 >= interval.toMillis()) {
            intervals.add(last.get());
        }
    }

    private Optional<MachineReading> read() {
        try {
            return Optional.of(probe.read());
        } catch (RuntimeException | LinkageError e) {
            // a second the probe could not read is a sample missing, not a run that fails; a scheduled task that
            // threw would also stop being scheduled
            return Optional.empty();
        }
    }
}
