package io.loadbench.loader.run;

import io.loadbench.results.load.LoadResult;
import io.loadbench.results.load.LoadResultWriter;
import io.loadbench.loader.datasets.events.EventsDefinition;
import io.loadbench.loader.datasets.events.EventsOptions;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.sink.postgres.TableLoadResult;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.DatasetParameters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Locks the load.json format (schema version 1): field names with units, rounding, verification layout. */
class LoadReportGoldenTest {

    @Test
    void loadJsonMatchesTheGoldenFile() throws IOException {
        LoadPlan plan = new LoadPlan(new EventsDefinition().create(new DatasetParameters(42, 1_000_000),
                new EventsOptions(10_000, 90, LocalDate.of(2026, 10, 1))), 50_000, 2, CopyEncoder.Format.BINARY);
        TableLoadResult table = new TableLoadResult("events", 1_000_000, 20, 7, 650_000, 183_518_000, 13, 4.2, 13.5,
                List.of(new TableLoadResult.WorkerResult(0, 350_000, 98_820_000, 7, 4.1),
                        new TableLoadResult.WorkerResult(1, 300_000, 84_698_000, 6, 4.15)));
        Map<String, String> checksums = new LinkedHashMap<>();
        checksums.put("events", "1000000:-9286228568916277485380");
        VerificationResult verification = new VerificationResult(List.of(
                new CheckResult("row count", List.of(new CheckResult.Line("events", 1_000_000, 1_000_000, 0, "rows"))),
                new CheckResult("device share", List.of(
                        new CheckResult.Line("desktop", 55, 54.8561234, 1, "%"),
                        new CheckResult.Line("tablet", 5, 0, 1, "%")))), checksums);
        LoadResult report = LoadReports.of(plan, true, new DatasetLoader.Outcome(List.of(table),
                List.of(new DatasetLoader.StepResult("redis:analytics", 1_279_943, 141_092_215, 4.4567)), 141_092_215), 18.1,
                verification, "verification failed: " + verification.failedChecks());

        assertThat(LoadResultWriter.toJson(report)).isEqualToIgnoringNewLines(golden("load-report-golden.json"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = LoadReportGoldenTest.class.getResourceAsStream(name)) {
            return in == null ? "(missing fixture " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
