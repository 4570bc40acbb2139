package io.loadbench.benchmarks.generation;

/** Generation throughput of the {@code weather} dataset's main (largest) table. */
public class WeatherGenerationBenchmark extends GenerationBenchmark {

    @Override
    protected String dataset() {
        return "weather";
    }
}
