package io.loadbench.results.scenario;

import io.loadbench.results.GoldenFiles;
import io.loadbench.results.ResultFormatException;
import io.loadbench.results.RunStatus;
import io.loadbench.results.latency.LatencyPercentiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** scenario.json: written, read back to the same record, and every golden file of every version read and rewritten byte for byte. */
class ScenarioResultFormatTest {

    @TempDir
    Path dir;

    static ScenarioResult failedDailySchedule() {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("kind", "slow-replica");
        incident.put("request", "report query");
        incident.put("incidentStartSec", 12.5);
        incident.put("baselineP99Us", 1_800);
        incident.put("recoveredP99Us", null);
        Map<String, ScenarioResult.RequestOutcome> requests = new LinkedHashMap<>();
        requests.put("report query", new ScenarioResult.RequestOutcome(940, 60, 100.0, Optional.empty(),
                Optional.of(new LatencyPercentiles(940, 1_200, 3_000, 9_100, 20_000, 41_000)),
                Optional.of(new LatencyPercentiles(940, 900, 2_000, 7_000, 15_000, 30_000)),
                Optional.of(new LatencyPercentiles(60, 250_000, 250_100, 250_300, 250_300, 250_300))));
        requests.put("a \"quoted\" get", new ScenarioResult.RequestOutcome(4, 0, 0.4,
                Optional.of(new ScenarioResult.CacheLookups(3, 1, 0.75)), Optional.empty(), Optional.empty(), Optional.empty()));
        return new ScenarioResult("daily-schedule", "smoke", 5_000,
                new ScenarioResult.Rate(OptionalDouble.empty(), 99.875, 10_012, 1_000, OptionalInt.of(20), OptionalInt.of(19)),
                requests,
                Optional.of(new ScenarioResult.CacheTotals(10, 0.5, OptionalDouble.empty(),
                        Optional.of(new ScenarioResult.RedisInfo(0, 0, OptionalDouble.empty(), false)))),
                new ScenarioResult.Injector(new LatencyPercentiles(9_000, 60, 90, 400, 3_000, 612_000), 3, 1.25, 4, 500),
                List.of(new ScenarioResult.SloOutcome("report query intended p99 <= 5 ms: 9.1 ms", OptionalLong.of(9_100), false),
                        new ScenarioResult.SloOutcome("never query intended p99 <= 5 ms: no request", OptionalLong.empty(), false)),
                Map.of("incident", incident),
                List.of("SLO broken: report query intended p99 <= 5 ms: 9.1 ms", "3 requests dropped: the executor queue was full"),
                RunStatus.FAILED);
    }

    static ScenarioResult passedWithoutCache() {
        return new ScenarioResult("writes", "smoke", 0,
                new ScenarioResult.Rate(OptionalDouble.of(250.0), 250.5, 1_000, 250, OptionalInt.empty(), OptionalInt.empty()),
                Map.of(), Optional.empty(),
                new ScenarioResult.Injector(new LatencyPercentiles(0, 0, 0, 0, 0, 0), 0, 0.0, 2, 250),
                List.of(), Map.of(), List.of(), RunStatus.OK);
    }

    /** Version 2's additions: arrivals per interval, a transaction, crashes, latency with failures, injector load. */
    static ScenarioResult openModelWithArrivals() {
        LatencyPercentiles ok = new LatencyPercentiles(2_480, 400, 900, 4_000, 9_000, 20_000);
        LatencyPercentiles all = new LatencyPercentiles(2_500, 410, 950, 30_000, 250_000, 250_300);
        Map<String, ScenarioResult.RequestOutcome> requests = new LinkedHashMap<>();
        requests.put("dashboard get", new ScenarioResult.RequestOutcome(2_480, 20, 250.0, Optional.of(new ScenarioResult.CacheLookups(2_400, 80, 0.9677)),
                Optional.of(ok), Optional.of(ok), Optional.of(new LatencyPercentiles(20, 250_000, 250_100, 250_300, 250_300, 250_300)), 1,
                Optional.of(all)));
        Map<String, ScenarioResult.RequestOutcome> transactions = new LinkedHashMap<>();
        transactions.put("dashboard", new ScenarioResult.RequestOutcome(2_480, 20, 250.0, Optional.empty(), Optional.of(ok), Optional.of(ok),
                Optional.empty(), 0, Optional.of(all)));
        ScenarioResult.Arrivals arrivals = new ScenarioResult.Arrivals("poisson", 250.0, 249.7, 2_500.0, 2_497, 5_000,
                List.of(new ScenarioResult.Arrivals.Interval(5_000, 1_250.0, 1_244), new ScenarioResult.Arrivals.Interval(10_000, 1_250.0, 1_253)));
        ScenarioResult.InjectorLoad load = new ScenarioResult.InjectorLoad(new LatencyPercentiles(2_500, 80, 200, 900, 3_100, 4_000),
                250, 12, 0.05, 41.5, 96_000_000, 268_435_456);
        return new ScenarioResult("cache-queries", "smoke", 2_000,
                new ScenarioResult.Rate(OptionalDouble.of(250.0), 271.3, 10_000, 2_713, OptionalInt.empty(), OptionalInt.empty(), OptionalDouble.empty()),
                requests, transactions, Optional.of(arrivals), Optional.empty(),
                new ScenarioResult.Injector(new LatencyPercentiles(9_000, 60, 90, 400, 3_000, 12_000), 0, 0.41, 2, 500, Optional.of(load)),
                List.of(), Map.of(), List.of(), RunStatus.OK);
    }

    @Test
    void writtenRecordsReadBackEqual() {
        for (ScenarioResult result : List.of(failedDailySchedule(), passedWithoutCache(), openModelWithArrivals())) {
            Path file = dir.resolve(ScenarioResult.FILE);
            ScenarioResultWriter.write(file, result);
            assertThat(ScenarioResultReader.read(file)).isEqualTo(result);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2/scenario-cache-queries.json", "v2/scenario-daily-schedule-failed.json", "v2/scenario-no-cache.json",
            "v2/scenario-arrivals.json"})
    void everyGoldenFileOfTheCurrentVersionIsReadAndRewrittenByteForByte(String golden) {
        Path file = GoldenFiles.copy(dir, "scenario", golden);

        assertThat(ScenarioResultWriter.toJson(ScenarioResultReader.read(file))).isEqualTo(GoldenFiles.text("scenario", golden));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario-cache-queries.json", "scenario-daily-schedule-failed.json", "scenario-no-cache.json"})
    void aVersion1FileReadsAsItsVersion2RewriteWithoutTheNewFigures(String golden) {
        ScenarioResult v1 = ScenarioResultReader.read(GoldenFiles.copy(dir, "scenario", "v1/" + golden));

        assertThat(v1.arrivals()).isEmpty();
        assertThat(v1.transactions()).isEmpty();
        assertThat(v1.injector().load()).isEmpty();
        assertThat(ScenarioResultWriter.toJson(v1)).isEqualTo(GoldenFiles.text("scenario", "v2/" + golden));
    }

    @Test
    void theVersion2GoldenFilesAreWhatTheWriterWrites() {
        assertThat(ScenarioResultWriter.toJson(failedDailySchedule())).isEqualTo(GoldenFiles.text("scenario", "v2/scenario-daily-schedule-failed.json"));
        assertThat(ScenarioResultWriter.toJson(passedWithoutCache())).isEqualTo(GoldenFiles.text("scenario", "v2/scenario-no-cache.json"));
        assertThat(ScenarioResultWriter.toJson(openModelWithArrivals())).isEqualTo(GoldenFiles.text("scenario", "v2/scenario-arrivals.json"));
    }

    @Test
    void theReferenceRunReadsAsItsFiguresSay() {
        ScenarioResult reference = ScenarioResultReader.read(GoldenFiles.copy(dir, "scenario", "v1/scenario-cache-queries.json"));

        assertThat(reference.status()).isEqualTo(RunStatus.OK);
        assertThat(reference.rate().targetRequestsPerSecond()).hasValue(250.0);
        assertThat(reference.rate().targetUsers()).isEmpty();
        assertThat(reference.requests()).hasSize(6);
        assertThat(reference.requests().get("dashboard get").cacheLookups())
                .contains(new ScenarioResult.CacheLookups(1_071, 0, 1.0));
        assertThat(reference.requests().get("event incr").cacheLookups()).isEmpty();
        assertThat(reference.requests().get("event incr").failedIntendedLatencyUs()).isEmpty();
        assertThat(reference.cache().orElseThrow().redisInfo().orElseThrow().keyspaceHits()).isEqualTo(1_309);
        assertThat(reference.injector().hiccupUs().maxUs()).isEqualTo(54_271);
        assertThat(reference.requestByFileName("dashboard_get")).isEqualTo(Optional.of(reference.requests().get("dashboard get")));
    }

    @Test
    void anUnknownSchemaVersionIsRejectedNamingTheFile() {
        Path file = GoldenFiles.edited(dir.resolve(ScenarioResult.FILE), "scenario", "v1/scenario-no-cache.json",
                "\"schemaVersion\" : 1", "\"schemaVersion\" : 3");

        assertThatThrownBy(() -> ScenarioResultReader.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageStartingWith(file + ": unknown schemaVersion 3");
    }

    @Test
    void aMissingFieldIsNamedWithItsPath() {
        Path file = GoldenFiles.edited(dir.resolve(ScenarioResult.FILE), "scenario", "v1/scenario-no-cache.json",
                "\"requestsAfterWarmup\"", "\"requestsAfterWarmUp\"");

        assertThatThrownBy(() -> ScenarioResultReader.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessage(file + ": rate.requestsAfterWarmup: missing");
    }

    @Test
    void aStatusThatContradictsTheFailuresIsRejected() {
        assertThatThrownBy(() -> new ScenarioResult("s", "p", 0, passedWithoutCache().rate(), Map.of(), Optional.empty(),
                passedWithoutCache().injector(), List.of(), Map.of(), List.of("it broke"), RunStatus.OK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status OK with 1 failures");
    }
}
