package io.loadbench.benchmarks.generation;

/** Generation throughput of the {@code commerce} dataset's main (largest) table. */
public class CommerceGenerationBenchmark extends GenerationBenchmark {

    @Override
    protected String dataset() {
        return "commerce";
    }
}
