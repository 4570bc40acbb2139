package io.loadbench.benchmarks.copy;

/** COPY throughput per batch size into the {@code events} table (monthly partitions, JSONB properties). */
public class EventsCopyBenchmark extends CopyBenchmark {

    @Override
    protected String dataset() {
        return "events";
    }
}
