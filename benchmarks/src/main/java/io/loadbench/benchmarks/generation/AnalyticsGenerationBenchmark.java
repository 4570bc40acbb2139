package io.loadbench.benchmarks.generation;

/** Generation throughput of the {@code analytics} dataset's main (largest) table. */
public class AnalyticsGenerationBenchmark extends GenerationBenchmark {

    @Override
    protected String dataset() {
        return "analytics";
    }
}
