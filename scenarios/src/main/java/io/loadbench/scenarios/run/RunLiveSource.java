package io.loadbench.scenarios.run;

import io.loadbench.scenarios.live.LiveSource;
import io.loadbench.scenarios.protocol.DatastoreEngine;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import io.loadbench.scenarios.protocol.RequestCounters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/** What the live view reads from a run: its runtime's counters and timeline, and the plan's schedules. */
record RunLiveSource(DatastoreRuntime runtime, List<ArrivalSchedule> schedules, int targetUsers, Duration plannedLoad)
        implements LiveSource {

    RunLiveSource {
        schedules = List.copyOf(schedules);
    }

    @Override
    public Map<String, RequestCounters.Counts> requestCounts() {
        return runtime.counters().snapshot();
    }

    @Override
    public Map<String, RequestCounters.Counts> transactionCounts() {
        return runtime.transactionCounters().snapshot();
    }

    @Override
    public long arrivals() {
        return runtime.timeline().arrivals();
    }

    @Override
    public long dropped() {
        return runtime.droppedCount();
    }

    @Override
    public int activeUsers() {
        return runtime.timeline().users().active();
    }

    @Override
    public int inFlight() {
        DatastoreEngine engine = runtime.engineIfStarted();
        return engine == null ? 0 : engine.inFlight();
    }

    @Override
    public Histogram lagInterval() {
        return runtime.timeline().lagInterval();
    }

    @Override
    public OptionalLong originNanos() {
        return runtime.timeline().started() ? OptionalLong.of(runtime.timeline().originNanosOrNow()) : OptionalLong.empty();
    }

    @Override
    public boolean openModel() {
        return !schedules.isEmpty();
    }

    @Override
    public double dueArrivals(double fromSec, double toSec) {
        return schedules.stream().mapToDouble(s -> s.expectedBy(toSec) - s.expectedBy(fromSec)).sum();
    }
}
