package io.loadbench.scenarios.live;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One second of a running simulation, as the progress line, the live page and the gauges of {@code /metrics} show
 * it. Latencies are those of the interval's requests (every request name, failed ones included, transactions
 * excluded), read from the interval log's histograms; counts of failures and drops are totals since the start with
 * the interval's share beside them. Immutable.
 *
 * @param seq                  1 for the first sample of the run, then one more per sample
 * @param started              whether the load has started (its first arrival was due); before it, times are zero
 * @param elapsedSec           seconds since the load's first arrival was due
 * @param plannedSec           how long the plan's load lasts, 0 when unknown
 * @param intervalSec          the length of the interval the rates and percentiles describe
 * @param warmup               whether the interval was warm-up (not measured)
 * @param targetArrivalsPerSec what the open model's schedules made due in the interval, per second; empty without one
 * @param arrivalsPerSec       arrivals that issued their first request in the interval, per second
 * @param targetUsers          the closed model's users (0 without one)
 * @param activeUsers          its users active at the end of the interval
 * @param requestsPerSec       requests completed in the interval (succeeded or failed), per second
 * @param failures             requests failed or crashed since the start
 * @param failuresInInterval   of which in this interval
 * @param drops                requests dropped (an executor queue was full) since the start
 * @param dropsInInterval      of which in this interval
 * @param intendedP50Us        median latency from the intended start, microseconds; empty when nothing completed
 * @param intendedP99Us        its 99th percentile
 * @param serviceP50Us         median service time (from the moment a connection was held)
 * @param serviceP99Us         its 99th percentile
 * @param lagP99Us             99th percentile of the injector lag (actual minus intended start) of the requests started
 * @param inFlight             requests queued or running at the end of the interval
 */
public record LiveSample(long seq, boolean started, double elapsedSec, double plannedSec, double intervalSec, boolean warmup,
                         OptionalDouble targetArrivalsPerSec, double arrivalsPerSec, int targetUsers, int activeUsers,
                         double requestsPerSec, long failures, long failuresInInterval, long drops, long dropsInInterval,
                         OptionalLong intendedP50Us, OptionalLong intendedP99Us, OptionalLong serviceP50Us,
                         OptionalLong serviceP99Us, OptionalLong lagP99Us, int inFlight) {

    /** Seconds of the plan still to run, 0 once it is over or when the plan is unknown. */
    public double remainingSec() {
        return Math.max(0, plannedSec - elapsedSec);
    }
}
