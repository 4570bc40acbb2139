package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.html.ChartSpecs;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A latency curve says how many values it was drawn from, and stops where they stop meaning anything. */
class LatencyCurveCountTest {

    @TempDir
    Path results;

    @Test
    void everyLatencyCurveIsNamedWithItsCountAndEndsAtTheResolutionOfThatCount() {
        Path a = Fixtures.gatlingRun(results.resolve("20261122T060000Z-db-bench-01-gatling-cachequeries"), Fixtures.BENCH_01,
                Plans.cache(2000), 1, 1.0, 1000);
        // a tenth of the rate: a curve of fewer values ends earlier
        Path b = Fixtures.gatlingRun(results.resolve("20261122T060000Z-db-bench-02-gatling-cachequeries"), Fixtures.BENCH_02,
                Plans.cache(2000), 2, 1.6, 100);
        List<SavedRun> runs = List.of(RunReader.read(a), RunReader.read(b));

        ObjectNode charts = ChartSpecs.of(runs);

        int curves = 0;
        for (JsonNode chart : charts.path("charts")) {
            if (!chart.path("kind").asText().equals("percentiles")) {
                continue;
            }
            for (JsonNode line : chart.path("series")) {
                long count = line.path("count").asLong();
                assertThat(count).isPositive();
                assertThat(line.path("name").asText()).endsWith("(n=" + String.format(java.util.Locale.ROOT, "%,d", count) + ")");
                JsonNode points = line.path("points");
                assertThat(points.get(points.size() - 1).path("x").asDouble()).as(line.path("name").asText())
                        .isLessThanOrEqualTo(count);
                curves++;
            }
        }
        assertThat(curves).isGreaterThanOrEqualTo(4);
    }
}
