package io.loadbench.benchmarks.generation;

/** Generation throughput of the {@code gateway} dataset's main (largest) table. */
public class GatewayGenerationBenchmark extends GenerationBenchmark {

    @Override
    protected String dataset() {
        return "gateway";
    }
}
