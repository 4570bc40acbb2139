package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanMismatchTest {

    @TempDir
    Path results;

    @Test
    void runsOfDifferentPlansAreRefusedNamingEveryDifferingParameter() {
        Path a = Fixtures.gatlingRun(results.resolve("a"), Fixtures.BENCH_01, Plans.cache(2000), 1, 1.0, 200);
        Map<String, Object> other = Plans.cache(5000);
        other.put("seed", 7);
        Path b = Fixtures.gatlingRun(results.resolve("b"), Fixtures.BENCH_02, other, 2, 1.0, 200);

        Cli refused = Cli.run("compare", a.toString(), b.toString());

        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(refused.err()).isEqualTo("loadbench-report: cannot compare runs of different plans: "
                + "rate (A=2000, B=5000); seed (A=42, B=7) (--allow-plan-mismatch compares them anyway)\n");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void aFailedRunIsComparedButMarkedAsNotAValidMeasurement() {
        Path a = Fixtures.loadRun(results.resolve("a"), Fixtures.BENCH_01, Plans.load(), 1.0);
        Path b = Fixtures.writeRun(results.resolve("b"), Fixtures.manifest("load", "load-analytics", Fixtures.BENCH_02,
                Plans.load(), 0, 5, "FAILED", "verification failed: table events has 999,000 rows, expected 1,000,000"));

        Cli cli = Cli.run("compare", a.toString(), b.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("FAILED: verification failed: table events has 999,000 rows, expected 1,000,000",
                "warning: run B is FAILED; its figures are not a valid measurement of the plan.");
    }

    @Test
    void allowedMismatchIsPrintedAboveTheTables() {
        Path a = Fixtures.loadRun(results.resolve("a"), Fixtures.BENCH_01, Plans.load(), 1.0);
        Map<String, Object> other = Plans.load();
        other.put("batchSize", 10_000);
        other.remove("seed");
        Path b = Fixtures.loadRun(results.resolve("b"), Fixtures.BENCH_01, other, 1.1);

        Cli allowed = Cli.run("compare", "--allow-plan-mismatch", a.toString(), b.toString());

        assertThat(allowed.exitCode()).isZero();
        String firstTable = "run  folder";
        assertThat(allowed.out()).contains("PLAN MISMATCH (allowed by --allow-plan-mismatch): batchSize (A=50000, B=10000); "
                + "seed (A=42, B=absent)");
        assertThat(allowed.out().indexOf("PLAN MISMATCH")).isLessThan(allowed.out().indexOf(firstTable));
        assertThat(allowed.out()).contains("Load rates (rows/s)");
    }
}
