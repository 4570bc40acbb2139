package io.loadbench.scenarios.live;

import io.loadbench.scenarios.protocol.RequestCounters;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * What a live view reads from a running simulation beside the interval histograms: counters, the schedule and the
 * injector's state. The run implements it over its datastore runtime; tests use a fake. Every method is thread-safe
 * and cheap (a scrape and the once-a-second sample call them), and none records anything.
 */
public interface LiveSource {

    /** Requests by name: succeeded, failed, crashed (warm-up included). */
    Map<String, RequestCounters.Counts> requestCounts();

    /** Transactions (named groups of requests) by name. */
    Map<String, RequestCounters.Counts> transactionCounts();

    /** Arrivals so far: users of the schedules that issued their first request. */
    long arrivals();

    /** Requests dropped so far because an executor queue was full. */
    long dropped();

    /** The closed model's users active now (0 without one). */
    int activeUsers();

    /** Requests queued or running now. */
    int inFlight();

    /**
     * The injector lag (actual minus intended start, microseconds) since the previous call; only the sampling thread
     * calls it, and the histogram returned is reused by the next call.
     */
    Histogram lagInterval();

    /** When the first arrival was due ({@link System#nanoTime()}): the load's time zero; empty before it. */
    OptionalLong originNanos();

    /** Whether the simulation has an open model (arrivals on a schedule). */
    boolean openModel();

    /** The arrivals the open model's schedules make due from {@code fromSec} to {@code toSec} after the origin. */
    double dueArrivals(double fromSec, double toSec);

    /** The closed model's target users (0 without one). */
    int targetUsers();

    /** How long the plan's load lasts (ramp, hold, duration), or zero when the simulation did not say. */
    Duration plannedLoad();
}
