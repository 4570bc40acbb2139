package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.results.RunKind;
import io.loadbench.results.RunStatus;
import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {

    @TempDir
    Path results;

    private Path smokeRun(String name, Fixtures.Machine machine, long seed, int rate) {
        return Fixtures.gatlingRun(results.resolve(name), machine, Plans.cache(2000), seed, 1.0, rate);
    }

    @Test
    void mergedHistogramCountIsTheSumOfBothInjectorsAndThroughputsAreSummed() {
        SavedRun first = RunReader.read(smokeRun("20261122T060000Z-injector-1-gatling-cachequeries", Fixtures.BENCH_01, 1, 300));
        SavedRun second = RunReader.read(smokeRun("20261122T060000Z-injector-2-gatling-cachequeries", Fixtures.BENCH_02, 2, 500));

        Cli cli = Cli.run("merge", "--out", results.resolve("merged").toString(), first.dir().toString(), second.dir().toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Path dir = results.resolve("merged/20261122T070000Z-merged-gatling-cachequeries");
        assertThat(cli.out()).contains("merged 2 runs into " + dir);
        SavedRun merged = RunReader.read(dir);
        assertThat(merged.manifest().kind()).isEqualTo(RunKind.MERGE);
        assertThat(merged.manifest().status()).isEqualTo(RunStatus.OK);
        for (String request : new String[] {"get", "query"}) {
            Histogram a = first.requests().get(request).intended().histogram();
            Histogram b = second.requests().get(request).intended().histogram();
            Histogram sum = merged.requests().get(request).intended().histogram();
            assertThat(sum.getTotalCount()).isEqualTo(a.getTotalCount() + b.getTotalCount()).isPositive();
            // added histograms, not averaged percentiles: the merged max is the larger max, p99 lies between
            assertThat(sum.getMaxValue()).isEqualTo(Math.max(a.getMaxValue(), b.getMaxValue()));
            assertThat(merged.requests().get(request).service().histogram().getTotalCount())
                    .isEqualTo(first.requests().get(request).service().histogram().getTotalCount()
                            + second.requests().get(request).service().histogram().getTotalCount());
            assertThat(merged.requests().get(request).throughputPerSecond()).isCloseTo(
                    first.requests().get(request).throughputPerSecond() + second.requests().get(request).throughputPerSecond(),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(merged.scenario().rate().achievedRequestsPerSecond())
                .isEqualTo(first.scenario().rate().achievedRequestsPerSecond() + second.scenario().rate().achievedRequestsPerSecond());
        ScenarioResult.CacheLookups a = first.scenario().requests().get("get").cacheLookups().orElseThrow();
        ScenarioResult.CacheLookups b = second.scenario().requests().get("get").cacheLookups().orElseThrow();
        long hits = a.hits() + b.hits();
        long lookups = hits + a.misses() + b.misses();
        assertThat(merged.scenario().cache().orElseThrow().hitRatio()).isEqualTo((double) hits / lookups);
        assertThat(merged.scenario().requests().get("query").ko()).isEqualTo(4);
        // the merged latency figures are read from the added histograms, not from the sources' percentiles
        assertThat(merged.scenario().requests().get("get").intendedLatencyUs().orElseThrow())
                .isEqualTo(LatencyPercentiles.of(merged.requests().get("get").intended().histogram()));
        for (SavedRun source : new SavedRun[] {first, second}) {
            Path kept = dir.resolve("sources").resolve(source.id()).resolve("manifest.json");
            assertThat(kept).hasSameTextualContentAs(source.dir().resolve("manifest.json"));
        }
        assertThat(Files.exists(dir.resolve("hdr/get.intended.hgrm"))).isTrue();
        // the merged run is itself a run folder the other commands read
        assertThat(Cli.run("summarize", dir.toString()).out()).contains("merge", "get", "query");
    }

    @Test
    void runsOfDifferentPlansAreNotMerged() {
        Path a = smokeRun("a", Fixtures.BENCH_01, 1, 100);
        Map<String, Object> plan = Plans.cache(4000);
        Path b = Fixtures.gatlingRun(results.resolve("b"), Fixtures.BENCH_01, plan, 2, 1.0, 100);

        Cli cli = Cli.run("merge", "--out", results.resolve("out").toString(), a.toString(), b.toString());

        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err()).isEqualTo("loadbench-report: cannot merge runs of different plans: rate (A=2000, B=4000)\n");
        assertThat(results.resolve("out")).doesNotExist();
    }

    @Test
    void jmhRunsAreNotInjectorRuns() {
        Path a = Fixtures.jmhRun(results.resolve("a"), Fixtures.BENCH_01, Plans.jmh(), 1, 1);
        Path b = Fixtures.jmhRun(results.resolve("b"), Fixtures.BENCH_01, Plans.jmh(), 1, 2);
        Cli cli = Cli.run("merge", "--out", results.resolve("out").toString(), a.toString(), b.toString());
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err()).contains("a jmh run cannot be merged");
    }
}
