package io.loadbench.scenarios.protocol;

import io.loadbench.results.latency.LatencyHistograms;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The injector's side of a run's timeline, shared by every scenario: the schedule's origin (the moment the first
 * arrival was due, {@link System#nanoTime()}), every request's lag (actual start minus intended start), the
 * arrivals that issued their first request, counted per second of the schedule, and the closed model's users
 * over time (time-weighted). Thread-safe; recording is wait-free or a short lock.
 */
public final class InjectorTimeline {

    /** Seconds of arrivals counted per second; later arrivals are counted in the total only. */
    static final int MAX_SECONDS = 7 * 24 * 3600;

    private volatile long originNanos = Long.MIN_VALUE;
    private final Recorder lag = new Recorder(LatencyHistograms.LOWEST_DISCERNIBLE_US, LatencyHistograms.HIGHEST_TRACKABLE_US,
            LatencyHistograms.SIGNIFICANT_DIGITS);
    /** What {@link #lagInterval()} took from {@link #lag} since the last {@link #takeLag()}, which still owes it. */
    private final Histogram lagSinceTake = LatencyHistograms.newHistogram();
    private Histogram lagRecycle;
    private final LongAdder arrivals = new LongAdder();
    private volatile AtomicLongArray arrivalsPerSecond = new AtomicLongArray(0);
    private final UserCount users = new UserCount();

    /**
     * The origin of every schedule: set once, by the first arrival (its actual start is its intended one), and
     * sized for {@code seconds} of per-second counts.
     *
     * @return the origin ({@link System#nanoTime()})
     */
    public long originNanos(double scheduleSeconds) {
        long origin = originNanos;
        if (origin != Long.MIN_VALUE) {
            return origin;
        }
        synchronized (this) {
            if (originNanos == Long.MIN_VALUE) {
                arrivalsPerSecond = new AtomicLongArray((int) Math.min(MAX_SECONDS, Math.ceil(scheduleSeconds) + 3600));
                originNanos = System.nanoTime();
            }
            return originNanos;
        }
    }

    /**
     * Fixes the origin at {@code originNanos} ({@link System#nanoTime()}, possibly in the future) before any arrival:
     * a shard of a scaled-out run starts its schedule at the run's start instant, not at its own first arrival.
     *
     * @throws IllegalStateException when an arrival set the origin already
     */
    public synchronized void fixOrigin(long originNanos, double scheduleSeconds) {
        if (this.originNanos != Long.MIN_VALUE) {
            throw new IllegalStateException("the schedule's origin is set already: fix it before the first arrival");
        }
        arrivalsPerSecond = new AtomicLongArray((int) Math.min(MAX_SECONDS, Math.ceil(scheduleSeconds) + 3600));
        this.originNanos = originNanos;
    }

    /** Whether any arrival happened. */
    public boolean started() {
        return originNanos != Long.MIN_VALUE;
    }

    public long originNanosOrNow() {
        long origin = originNanos;
        return origin == Long.MIN_VALUE ? System.nanoTime() : origin;
    }

    /** Records one request's start: its lag, and the arrival when it is a scheduled user's first request. */
    public void requestStarted(long intendedNanos, long actualNanos, boolean arrival) {
        long lagUs = Math.max(0, actualNanos - intendedNanos) / 1000;
        lag.recordValue(Math.min(lagUs, LatencyHistograms.HIGHEST_TRACKABLE_US));
        if (arrival) {
            arrivals.increment();
            long origin = originNanos;
            if (origin != Long.MIN_VALUE) {
                long second = (actualNanos - origin) / TimeUnit.SECONDS.toNanos(1);
                AtomicLongArray perSecond = arrivalsPerSecond;
                if (second >= 0 && second < perSecond.length()) {
                    perSecond.incrementAndGet((int) second);
                }
            }
        }
    }

    /** Arrivals so far. */
    public long arrivals() {
        return arrivals.sum();
    }

    /** Arrivals whose first request started in each second of the schedule, from its origin. */
    public long[] arrivalsPerSecond() {
        AtomicLongArray perSecond = arrivalsPerSecond;
        long[] copy = new long[perSecond.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = perSecond.get(i);
        }
        return copy;
    }

    /** The lag recorded since the last call (microseconds); the first call after the warm-up drops the warm-up's. */
    public Histogram takeLag() {
        synchronized (lagSinceTake) {
            Histogram taken = lag.getIntervalHistogram();
            taken.add(lagSinceTake);
            lagSinceTake.reset();
            return taken;
        }
    }

    /**
     * The lag recorded since the previous call of this method (microseconds), for a live view; {@link #takeLag()}
     * still returns it, so the verdict's figures are the same with or without a live view. One caller (the thread
     * that ticks the live view): the histogram returned is reused by the next call.
     */
    public Histogram lagInterval() {
        synchronized (lagSinceTake) {
            lagRecycle = lag.getIntervalHistogram(lagRecycle);
            lagSinceTake.add(lagRecycle);
            return lagRecycle;
        }
    }

    public UserCount users() {
        return users;
    }

    /**
     * The closed model's concurrency: users counted in and out, the most at once, and the time-weighted mean over
     * a window (from the end of the warm-up to the end of the hold, so that users leaving after the load do not
     * count).
     */
    public static final class UserCount {
        private int active;
        private int max;
        private long since = System.nanoTime();
        private long windowStart = Long.MAX_VALUE;
        private long windowEnd = Long.MAX_VALUE;
        private double userNanos;

        public synchronized void started() {
            accumulate();
            active++;
            max = Math.max(max, active);
        }

        public synchronized void ended() {
            accumulate();
            active--;
        }

        public synchronized int max() {
            return max;
        }

        /** The users active now. */
        public synchronized int active() {
            return active;
        }

        /** Starts the window of the time-weighted mean now (the end of the warm-up). */
        public synchronized void startWindow() {
            accumulate();
            windowStart = since;
            userNanos = 0;
        }

        /** Ends the window at {@code endNanos} ({@link System#nanoTime()}), e.g. the end of the hold. */
        public synchronized void endWindowAt(long endNanos) {
            accumulate();
            windowEnd = endNanos;
        }

        /** The mean number of active users over the window (to now if it has not ended), weighted by time. */
        public synchronized double meanOverWindow() {
            accumulate();
            long end = Math.min(System.nanoTime(), windowEnd);
            long length = end - windowStart;
            return windowStart == Long.MAX_VALUE || length <= 0 ? 0 : userNanos / length;
        }

        private void accumulate() {
            long now = System.nanoTime();
            long from = Math.max(since, windowStart);
            long to = Math.min(now, windowEnd);
            if (to > from) {
                userNanos += (double) active * (to - from);
            }
            since = now;
        }
    }
}
