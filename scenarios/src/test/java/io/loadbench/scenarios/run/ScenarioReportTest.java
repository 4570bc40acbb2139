package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.Json;
import io.loadbench.results.RunStatus;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.results.scenario.ScenarioResultWriter;
import io.loadbench.scenarios.verdict.ExtraCheck;
import io.loadbench.scenarios.verdict.HitRatioCheck;
import io.loadbench.scenarios.verdict.Measurement;
import io.loadbench.scenarios.verdict.Measurements;
import io.loadbench.scenarios.verdict.SloCheck;
import io.loadbench.scenarios.verdict.VerdictCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {

    private static final RunTargets OPEN_MODEL = new RunTargets(OptionalDouble.of(250), OptionalInt.empty(), OptionalDouble.of(0.9));

    @Test
    void anOpenModelCacheRunReportsRatesRatiosAndRedisInfoRoundedToFourDecimals() throws Exception {
        // 3 s: 700 + 300 requests, 2 of 3 lookups hit
        Measurement m = Measurements.run().durationMs(3_000).lookup("get", 600, 0, 400, 200, 120)
                .request("query", 200, 100, 900).redisInfo(401, 199, true).build();
        List<VerdictCheck> checks = List.of(new HitRatioCheck(0.9),
                new SloCheck(Slo.intended("get", 99.0, Duration.ofMillis(50))),
                new ExtraCheck("incident", measured -> new ExtraCheck.Result(Map.of("kind", "none"), List.of())));
        List<String> failures = VerdictCheck.failures(checks, m);
        ScenarioResult result = ScenarioReport.of("cache-queries", "smoke", Duration.ofSeconds(2), OPEN_MODEL,
                ScenarioReport.Limits.DEFAULTS, m, checks, failures);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failures()).containsExactly("hit ratio 0.6667 below the target 0.90");
        JsonNode json = Json.mapper().readTree(ScenarioResultWriter.toJson(result));
        assertThat(json.path("rate").path("achievedRequestsPerSecond").asDouble()).isEqualTo(300.0);
        assertThat(json.path("rate").path("targetRequestsPerSecond").asDouble()).isEqualTo(250.0);
        assertThat(json.path("rate").path("maxConcurrentUsers").isNull()).as("an open model counts no users").isTrue();
        assertThat(json.path("requests").path("get").path("hitRatio").asDouble()).isEqualTo(0.6667);
        assertThat(json.path("requests").path("query").has("hitRatio")).as("no lookup, no ratio").isFalse();
        assertThat(json.path("requests").path("query").path("requestsPerSecond").asDouble()).isEqualTo(100.0);
        assertThat(json.path("requests").path("query").path("failedIntendedLatencyUs").path("count").asLong()).isEqualTo(100);
        assertThat(json.path("cache").path("hitRatio").asDouble()).isEqualTo(0.6667);
        assertThat(json.path("cache").path("redisInfo").path("hitRatio").asDouble()).isEqualTo(0.6683);
        assertThat(json.path("cache").path("redisInfo").path("agreesWithinOnePercentagePoint").asBoolean()).isTrue();
        assertThat(json.path("slos").get(0).path("passed").asBoolean()).isTrue();
        assertThat(json.path("incident").path("kind").asText()).isEqualTo("none");
        assertThat(json.path("injector").path("maxStallAllowedMs").asLong()).isEqualTo(500);
    }

    @Test
    void aClosedModelWithoutLookupsHasAnEmptyCacheSection() throws Exception {
        Measurement m = Measurements.run().request("query", 10, 0, 900).maxConcurrentUsers(4).build();
        ScenarioResult result = ScenarioReport.of("event-analytics", "smoke", Duration.ofSeconds(2),
                RunTargets.NONE.withUsers(4), ScenarioReport.Limits.DEFAULTS, m, List.of(), List.of());

        assertThat(result.status()).isEqualTo(RunStatus.OK);
        JsonNode json = Json.mapper().readTree(ScenarioResultWriter.toJson(result));
        assertThat(json.path("cache").isObject() && json.path("cache").isEmpty()).isTrue();
        assertThat(json.path("rate").path("targetUsers").asInt()).isEqualTo(4);
        assertThat(json.path("rate").path("maxConcurrentUsers").asInt()).isEqualTo(4);
        assertThat(json.path("rate").path("targetRequestsPerSecond").isNull()).isTrue();
    }
}
