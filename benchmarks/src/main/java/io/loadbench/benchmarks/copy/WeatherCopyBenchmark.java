package io.loadbench.benchmarks.copy;

/** COPY throughput per batch size into the {@code weather} readings table (narrow time-series rows). */
public class WeatherCopyBenchmark extends CopyBenchmark {

    @Override
    protected String dataset() {
        return "weather";
    }
}
