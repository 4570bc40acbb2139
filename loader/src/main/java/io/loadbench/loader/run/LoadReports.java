package io.loadbench.loader.run;

import io.loadbench.loader.sink.postgres.TableLoadResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds {@link LoadReport}s for finished and failed loads. */
public final class LoadReports {

    private LoadReports() {
    }

    public static LoadReport of(LoadPlan plan, boolean resumed, DatasetLoader.Outcome outcome, double seconds,
                                VerificationResult verification, String failureReason) {
        List<LoadReport.TableReport> tables = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        for (TableLoadResult t : outcome.tables()) {
            tables.add(LoadReport.TableReport.of(t, verification == null ? null : verification.checksums().get(t.table())));
            rows += t.rows();
            bytes += t.bytes();
        }
        LoadReport.Totals totals = new LoadReport.Totals(rows, bytes, LoadReport.round(seconds),
                LoadReport.rate(rows, seconds), LoadReport.rate(bytes / 1e6, seconds));
        return new LoadReport(LoadReport.SCHEMA_VERSION, plan.dataset().name(), plan.loadId(), resumed,
                plan.format().name().toLowerCase(Locale.ROOT), plan.batchSize(), plan.workers(), tables, totals,
                outcome.steps().stream().map(LoadReport.OutputReport::of).toList(),
                verification == null ? LoadReport.Verification.skipped() : verification.toReport(),
                failureReason == null ? "OK" : "FAILED", failureReason);
    }

    /** A load that failed before verification; tables finished before the failure are listed. */
    public static LoadReport failed(LoadPlan plan, boolean resumed, DatasetLoader.Outcome outcome, double seconds,
                                    String reason) {
        DatasetLoader.Outcome partial = outcome == null ? new DatasetLoader.Outcome(List.of(), List.of(), 0) : outcome;
        return of(plan, resumed, partial, seconds, null, reason);
    }
}
