package io.loadbench.benchmarks.copy;

/** Batched INSERT throughput into the {@code weather} readings table: the baseline for {@link WeatherCopyBenchmark}. */
public class WeatherInsertBenchmark extends InsertBenchmark {

    @Override
    protected String dataset() {
        return "weather";
    }
}
