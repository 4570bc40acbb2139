package io.loadbench.results.latency;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One interval as a {@link LatencyIntervalLog} wrote it, handed to its {@link LatencyIntervalListener}: every
 * request name's interval histograms (microseconds), exactly the ones appended to the {@code .hlog} files.
 *
 * <p>The histograms are the log's recycled buffers: they are valid only during
 * {@link LatencyIntervalListener#intervalLogged}, and must not be changed or kept.
 *
 * @param startMs  the interval's start, epoch milliseconds
 * @param endMs    its end, epoch milliseconds
 * @param warmup   whether it was logged as warm-up (tag {@code <request>.warmup}, kept out of the totals)
 * @param requests one entry per request name the log knows, sorted by name
 */
public record LatencyInterval(long startMs, long endMs, boolean warmup, List<Request> requests) {

    /** One request name's two interval histograms. */
    public record Request(String requestName, Histogram intended, Histogram service) {
    }

    public LatencyInterval {
        requests = List.copyOf(requests);
    }

    /** The interval's length in milliseconds. */
    public long lengthMs() {
        return endMs - startMs;
    }
}
