package io.loadbench.benchmarks.copy;

/** Batched INSERT throughput into the {@code events} table: the baseline for {@link EventsCopyBenchmark}. */
public class EventsInsertBenchmark extends InsertBenchmark {

    @Override
    protected String dataset() {
        return "events";
    }
}
