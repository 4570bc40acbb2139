package io.loadbench.benchmarks.generation;

/** Generation throughput of the {@code events} dataset's {@code events} table (seed 000). */
public class EventsGenerationBenchmark extends GenerationBenchmark {

    @Override
    protected String dataset() {
        return "events";
    }
}
