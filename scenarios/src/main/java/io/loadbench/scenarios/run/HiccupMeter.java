package io.loadbench.scenarios.run;

import io.loadbench.results.latency.LatencyHistograms;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures the injector JVM's own stalls, the way jHiccup does: a thread asks to sleep 1 ms, and whatever it
 * overslept (GC pauses, a starved CPU, safepoints) is a hiccup every virtual user of this JVM suffered too.
 * Recorded in microseconds into an HdrHistogram, corrected for coordinated omission as jHiccup does (a 200-ms
 * stall also records the 1-ms samples it prevented: 199 ms, 198 ms, …), so that its percentiles are those a
 * request arriving at a random moment would have seen. The stalled time sums every hiccup of at least
 * {@link #STALL_THRESHOLD_NS} (10 ms): a real stall, not the scheduler's wake-up jitter of a busy machine. {@link #startMeasuring()} drops the warm-up's.
 */
public final class HiccupMeter implements AutoCloseable {

    private static final long RESOLUTION_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /** The shortest hiccup counted as stalled time. */
    public static final long STALL_THRESHOLD_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Recorder recorder = new Recorder(LatencyHistograms.LOWEST_DISCERNIBLE_US,
            LatencyHistograms.HIGHEST_TRACKABLE_US, LatencyHistograms.SIGNIFICANT_DIGITS);
    private final java.util.concurrent.atomic.LongAdder stalledUs = new java.util.concurrent.atomic.LongAdder();
    private final Thread thread;
    private volatile long measuringSince = System.nanoTime();
    private volatile long stoppedAt;
    private volatile boolean running = true;

    private HiccupMeter() {
        thread = new Thread(this::run, "injector-hiccup-meter");
        thread.setDaemon(true);
    }

    public static HiccupMeter start() {
        HiccupMeter meter = new HiccupMeter();
        meter.thread.start();
        return meter;
    }

    private void run() {
        while (running) {
            long before = System.nanoTime();
            try {
                TimeUnit.NANOSECONDS.sleep(RESOLUTION_NS);
            } catch (InterruptedException e) {
                return;
            }
            long hiccupNs = System.nanoTime() - before - RESOLUTION_NS;
            long hiccupUs = Math.min(Math.max(hiccupNs, 0) / 1000, LatencyHistograms.HIGHEST_TRACKABLE_US);
            recorder.recordValueWithExpectedInterval(hiccupUs, RESOLUTION_NS / 1000);
            if (hiccupNs >= STALL_THRESHOLD_NS) {
                stalledUs.add(hiccupUs);
            }
        }
    }

    /** Forgets what was measured so far (the warm-up). */
    public void startMeasuring() {
        recorder.reset();
        stalledUs.reset();
        measuringSince = System.nanoTime();
    }

    /** The share of the time since {@link #startMeasuring()} (to now, or to {@link #stop()}) spent stalled. */
    public double stalledShare() {
        long end = stoppedAt == 0 ? System.nanoTime() : stoppedAt;
        long span = Math.max(1, end - measuringSince);
        return Math.min(1.0, stalledUs.sum() * 1000.0 / span);
    }

    /** The stalled time since {@link #startMeasuring()}: every hiccup of at least 10 ms, summed, microseconds. */
    public long stalledUs() {
        return stalledUs.sum();
    }

    /** Stops the meter and returns the hiccups since {@link #startMeasuring()}. */
    public Histogram stop() {
        stoppedAt = System.nanoTime();
        running = false;
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return recorder.getIntervalHistogram();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
