package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.report.read.IntervalLogReader;
import io.loadbench.report.read.JmhBenchmark;
import io.loadbench.report.read.JmhResultReader;
import io.loadbench.report.read.MeasuredHistogram;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import io.loadbench.report.read.ScenarioFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {

    @TempDir
    Path dir;

    @Test
    void intervalsTaggedWarmupAreLeftOut() {
        Path log = dir.resolve("get.intended.hlog");
        Fixtures.hlog(log, 5, Fixtures.T0_MS, 10, 100, 200, 3);

        MeasuredHistogram measured = IntervalLogReader.read(log);

        assertThat(measured.histogram().getTotalCount()).isEqualTo(700);
        assertThat(measured.warmUpIntervals()).isEqualTo(3);
        assertThat(measured.startMs()).isEqualTo(Fixtures.T0_MS + 3 * Fixtures.INTERVAL_MS);
        assertThat(measured.countPerSecond()).isEqualTo(100.0);
    }

    @Test
    void simulationRunReadsBothHistogramsOfEveryRequest() {
        SavedRun run = RunReader.read(Fixtures.gatlingRun(dir.resolve("run"), Fixtures.BENCH_01, Plans.cache(2000), 3, 1.0, 400));
        assertThat(run.requests()).containsOnlyKeys("get", "query");
        assertThat(run.requests().get("get").intended().histogram().getTotalCount()).isEqualTo(8 * 400);
        assertThat(run.requests().get("get").throughputPerSecond()).isEqualTo(400.0);
        // latency from the intended start includes queueing: never below the service time at the median
        assertThat(run.requests().get("get").intended().histogram().getValueAtPercentile(50))
                .isGreaterThan(run.requests().get("get").service().histogram().getValueAtPercentile(50));
        assertThat(ScenarioFigures.hitRatios(run.scenario())).containsKeys("get", ScenarioFigures.ALL_LOOKUPS);
        assertThat(run.scenario().requests().get("query").ko()).isEqualTo(2);
    }

    @Test
    void jmhResultWithoutErrorReadsAsNaNAndNeverFlagsADifference() throws IOException {
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, "[ { \"jmhVersion\" : \"1.37\", \"benchmark\" : \"a.B.c\", \"mode\" : \"ss\", \"threads\" : 1,"
                + " \"forks\" : 1, \"primaryMetric\" : { \"score\" : 12.5, \"scoreError\" : \"NaN\","
                + " \"scoreConfidence\" : [ \"NaN\", \"NaN\" ], \"scoreUnit\" : \"s/op\", \"rawData\" : [ [ 12.5 ] ] },"
                + " \"secondaryMetrics\" : { } } ]");
        List<JmhBenchmark> read = JmhResultReader.read(file);
        JmhBenchmark.Metric metric = read.get(0).primary();
        assertThat(metric.hasError()).isFalse();
        assertThat(metric.differsSignificantlyFrom(new JmhBenchmark.Metric(99, 0.1, "s/op"))).isFalse();
        assertThat(read.get(0).shortName()).isEqualTo("B.c");
    }

    @Test
    void errorIntervalsDecideSignificance() {
        JmhBenchmark.Metric a = new JmhBenchmark.Metric(100, 5, "ops/s");
        assertThat(a.differsSignificantlyFrom(new JmhBenchmark.Metric(109, 5, "ops/s"))).isFalse();
        assertThat(a.differsSignificantlyFrom(new JmhBenchmark.Metric(111, 5, "ops/s"))).isTrue();
    }

    @Test
    void unknownJmhVersionIsRejected() throws IOException {
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, "[ { \"jmhVersion\" : \"2.0\", \"benchmark\" : \"a.B.c\", \"mode\" : \"thrpt\" } ]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JmhResultReader.read(file))
                .isInstanceOf(ReportException.class)
                .hasMessage(file + ": benchmark #1: unknown JMH result format version 2.0 (this report reads JMH 1.x)");
    }
}
