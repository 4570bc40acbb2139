package io.loadbench.scenarios.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.latency.LatencyLogReader;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisStallTest {

    @TempDir
    Path results;

    @Test
    void aOneSecondRedisPauseShowsInTheIntendedTailButNotInTheServiceTime() throws Exception {
        GatlingLauncher.Result result = GatlingLauncher.run(RedisStallSimulation.class, results, Map.of());
        assertThat(result.exitCode()).as("the verdict: rate held, nothing dropped").isZero();
        Path hdr = result.runFolder().resolve("hdr");

        Histogram intended = LatencyLogReader.sum(hdr.resolve("stall_get.intended.hlog"), "stall_get");
        Histogram service = LatencyLogReader.sum(hdr.resolve("stall_get.service.hlog"), "stall_get");
        int expected = RedisStallSimulation.RATE * RedisStallSimulation.SECONDS;
        assertThat(intended.getTotalCount()).isBetween(expected * 9L / 10, expected * 11L / 10);

        // about a sixth of the requests arrive during the pause and wait for it: the intended tail shows it
        assertThat(intended.getValueAtPercentile(99.0)).as("intended p99 (us)").isGreaterThan(500_000);
        assertThat(intended.getMaxValue()).as("intended max (us)").isGreaterThan(800_000);
        // only the few requests already holding one of the 4 connections saw it as service time
        assertThat(service.getValueAtPercentile(99.0)).as("service p99 (us)").isLessThan(50_000);
        assertThat(service.getValueAtPercentile(90.0)).as("service p90 (us)").isLessThan(20_000);

        // and the interval log places it: one or two one-second intervals carry the tail, the others do not
        List<LatencyLogReader.Interval> intervals = LatencyLogReader.intervals(hdr.resolve("stall_get.intended.hlog"));
        long stalledIntervals = intervals.stream().filter(i -> i.histogram().getMaxValue() > 500_000).count();
        assertThat(stalledIntervals).isBetween(1L, 2L);
        assertThat(intervals.stream().filter(i -> i.histogram().getMaxValue() < 100_000).count()).isGreaterThanOrEqualTo(3);

        System.out.printf(java.util.Locale.ROOT, "stall run: %d requests; intended p50/p99/p99.9/max %d/%d/%d/%d us;"
                        + " service p50/p99/p99.9/max %d/%d/%d/%d us%n", intended.getTotalCount(),
                intended.getValueAtPercentile(50), intended.getValueAtPercentile(99), intended.getValueAtPercentile(99.9),
                intended.getMaxValue(), service.getValueAtPercentile(50), service.getValueAtPercentile(99),
                service.getValueAtPercentile(99.9), service.getMaxValue());
        JsonNode scenario = Json.mapper().readTree(result.runFolder().resolve("scenario.json").toFile());
        assertThat(scenario.path("requests").path("stall get").path("ko").asLong()).isZero();
    }
}
