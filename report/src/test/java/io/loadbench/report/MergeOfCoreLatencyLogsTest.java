package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.results.latency.LatencyIntervalLog;
import io.loadbench.results.latency.LatencyRecorders;
import io.loadbench.results.latency.RequestLatencyRecorder;
import io.loadbench.results.latency.RequestLatencyTotals;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two smoke runs of one simulation on two injectors, their latency written by the results format's own
 * {@link LatencyIntervalLog} (warm-up included and tagged), merged: the merged histogram holds exactly
 * the measured requests of both.
 */
class MergeOfCoreLatencyLogsTest {

    @TempDir
    Path results;

    private Map<String, RequestLatencyTotals> smokeRun(Path dir, Fixtures.Machine machine, long seed, int requestsPerSecond) {
        Fixtures.writeRun(dir, Fixtures.manifest("gatling", "gatling-smoke", machine, Plans.cache(100), 0, 6, "OK", null));
        LatencyRecorders recorders = new LatencyRecorders();
        LatencyIntervalLog log = LatencyIntervalLog.open(dir.resolve("hdr"), recorders, Fixtures.T0_MS, true);
        RequestLatencyRecorder get = recorders.forRequest("get");
        RequestLatencyRecorder query = recorders.forRequest("query");
        SplittableRandom random = new SplittableRandom(seed);
        for (int second = 1; second <= 6; second++) {
            for (int i = 0; i < requestsPerSecond; i++) {
                long serviceUs = 100 + random.nextInt(400);
                get.recordServiceMicros(serviceUs);
                get.recordIntendedMicros(serviceUs + random.nextInt(50));
                if (i % 10 == 0) {
                    query.recordServiceMicros(serviceUs * 8);
                    query.recordIntendedMicros(serviceUs * 8 + random.nextInt(500));
                }
            }
            long nowMs = Fixtures.T0_MS + second * 1000L;
            if (second == 2) {
                log.endWarmup(nowMs);
            } else {
                log.tick(nowMs);
            }
        }
        return log.finish(Fixtures.T0_MS + 6000);
    }

    @Test
    void mergedHistogramCountIsTheSumOfTheInjectorsMeasuredCounts() {
        Path first = results.resolve("20261122T060000Z-injector-1-gatling-smoke");
        Path second = results.resolve("20261122T060000Z-injector-2-gatling-smoke");
        Map<String, RequestLatencyTotals> totalsFirst = smokeRun(first, Fixtures.BENCH_01, 1, 250);
        Map<String, RequestLatencyTotals> totalsSecond = smokeRun(second, Fixtures.BENCH_02, 2, 400);

        // each run alone: the report's sum of the measured intervals equals what the writer counted
        SavedRun one = RunReader.read(first);
        assertThat(one.requests().get("get").intended().histogram().getTotalCount())
                .isEqualTo(totalsFirst.get("get").intended().getTotalCount()).isEqualTo(4 * 250);
        assertThat(one.requests().get("get").intended().warmUpIntervals()).isEqualTo(2);

        Cli cli = Cli.run("merge", "--out", results.resolve("merged").toString(), first.toString(), second.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();

        SavedRun merged = RunReader.read(results.resolve("merged/20261122T070000Z-merged-gatling-smoke"));
        for (String request : new String[] {"get", "query"}) {
            long expectedIntended = totalsFirst.get(request).intended().getTotalCount()
                    + totalsSecond.get(request).intended().getTotalCount();
            long expectedService = totalsFirst.get(request).service().getTotalCount()
                    + totalsSecond.get(request).service().getTotalCount();
            assertThat(merged.requests().get(request).intended().histogram().getTotalCount()).isEqualTo(expectedIntended);
            assertThat(merged.requests().get(request).service().histogram().getTotalCount()).isEqualTo(expectedService);
        }
        // 250 + 400 get/s measured on each injector: the merged run did 650 get/s
        assertThat(merged.requests().get("get").throughputPerSecond()).isEqualTo(650.0);
    }
}
