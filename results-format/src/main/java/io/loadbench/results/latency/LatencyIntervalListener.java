package io.loadbench.results.latency;

/**
 * Hears every interval a {@link LatencyIntervalLog} writes: the tap for live views (a progress line, a metrics
 * endpoint) that must show the same numbers as the files, without recording any request a second time.
 *
 * <p>Obligations: it is called on the thread that ticks the log, with the log's lock held, after the interval was
 * written; so it returns quickly, reads the histograms during the call only (they are recycled, see
 * {@link LatencyInterval}), and throws nothing: what it throws fails the tick as a failed write would, and with it
 * the run.
 */
@FunctionalInterface
public interface LatencyIntervalListener {

    /** Nobody listens. */
    LatencyIntervalListener NONE = interval -> { };

    void intervalLogged(LatencyInterval interval);
}
