package io.loadbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.loadbench.benchmarks.fork.ForkTarget;
import io.loadbench.datastores.testing.TestDatastores;

/**
 * Runs every benchmark of the suite once, briefly, against the embedded PostgreSQL and Redis, so that none
 * of them rots between full runs. Not a measurement: no warm-up, one short iteration, the smallest
 * parameters, in this JVM ({@code -f 0}); scores are only checked to exist and be positive. The benchmarks
 * themselves fail on wrong behaviour (a COPY batch that lands the wrong row count, a bad parameter).
 */
class BenchmarkSuiteSmokeTest {

    private static Map<String, String> handedOver;

    @BeforeAll
    static void pointBenchmarksAtTheEmbeddedTarget() {
        handedOver = ForkTarget.handOver(TestDatastores.embedded());
        handedOver.forEach(System::setProperty);
    }

    @AfterAll
    static void forgetTarget() {
        handedOver.keySet().forEach(System::clearProperty);
    }

    @Test
    void everyBenchmarkRunsOneShortIterationAndReportsAPositiveScore() throws Exception {
        Options options = new OptionsBuilder()
                .include("io\\.loadbench\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param("rowsPerBatch", "10000")
                .param("commandsPerPipeline", "100")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            ran.add(result.getParams().getBenchmark());
            assertThat(result.getPrimaryResult().getScore())
                    .as("score of %s %s", result.getParams().getBenchmark(), result.getParams().getParamsKeys())
                    .isPositive();
        }
        Set<String> declared = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), java.util.List.of())) {
            declared.add(entry.getUsername());
        }
        assertThat(ran).containsExactlyElementsOf(declared);
    }
}
