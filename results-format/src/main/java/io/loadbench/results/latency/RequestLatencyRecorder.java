package io.loadbench.results.latency;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The two latency recorders of one request name: latency from the intended start, and service time.
 *
 * <p>Any number of threads may record concurrently (HdrHistogram {@link Recorder} is wait-free for
 * writers); a single reader, the {@link LatencyIntervalLog}, takes interval histograms from it. Values above
 * {@link LatencyHistograms#HIGHEST_TRACKABLE_US} are recorded as that maximum and counted in
 * {@link #saturatedCount()}, so an outage shows up as the histogram's maximum instead of an exception in the
 * request path; negative durations (impossible with a monotonic clock) are rejected.
 */
public final class RequestLatencyRecorder {

    private final String requestName;
    private final Recorder intended = LatencyHistograms.newRecorder();
    private final Recorder service = LatencyHistograms.newRecorder();
    private final LongAdder saturated = new LongAdder();

    RequestLatencyRecorder(String requestName) {
        this.requestName = requestName;
    }

    public String requestName() {
        return requestName;
    }

    /**
     * Records one request from three {@link System#nanoTime()} readings.
     *
     * @param intendedStartNanos when the virtual user asked for the request (before any queueing)
     * @param serviceStartNanos  when a connection was held and the command was about to be sent
     * @param endNanos           when the reply (or the failure) arrived
     */
    public void recordNanos(long intendedStartNanos, long serviceStartNanos, long endNanos) {
        if (serviceStartNanos < intendedStartNanos || endNanos < serviceStartNanos) {
            throw new IllegalArgumentException("request '" + requestName + "': timestamps out of order (intended "
                    + intendedStartNanos + " ns, service " + serviceStartNanos + " ns, end " + endNanos + " ns)");
        }
        recordIntendedMicros(toMicros(endNanos - intendedStartNanos));
        recordServiceMicros(toMicros(endNanos - serviceStartNanos));
    }

    /** Records a latency from the intended start, in microseconds. */
    public void recordIntendedMicros(long latencyUs) {
        record(intended, latencyUs);
    }

    /** Records a service time, in microseconds. */
    public void recordServiceMicros(long latencyUs) {
        record(service, latencyUs);
    }

    /** How many values exceeded the trackable range and were recorded as its maximum. */
    public long saturatedCount() {
        return saturated.sum();
    }

    Histogram intervalIntended(Histogram recycle) {
        return intended.getIntervalHistogram(recycle);
    }

    Histogram intervalService(Histogram recycle) {
        return service.getIntervalHistogram(recycle);
    }

    private void record(Recorder recorder, long latencyUs) {
        if (latencyUs < 0) {
            throw new IllegalArgumentException("request '" + requestName + "': negative latency " + latencyUs + " us");
        }
        if (latencyUs > LatencyHistograms.HIGHEST_TRACKABLE_US) {
            saturated.increment();
            recorder.recordValue(LatencyHistograms.HIGHEST_TRACKABLE_US);
        } else {
            recorder.recordValue(latencyUs);
        }
    }

    /** Rounds up, so a 200 ns request counts as 1 µs rather than vanishing into the 0 bucket. */
    private static long toMicros(long nanos) {
        return (nanos + 999) / 1000;
    }
}
