package io.loadbench.loader.run;

import io.loadbench.loader.sink.postgres.TableLoadResult;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.results.RunStatus;
import io.loadbench.results.load.LoadResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds the {@link LoadResult} ({@code load.json}, owned by the results format) of finished and failed loads:
 * seconds, rates and measured values rounded to three decimals.
 */
public final class LoadReports {

    private LoadReports() {
    }

    public static LoadResult of(LoadPlan plan, boolean resumed, DatasetLoader.Outcome outcome, double seconds,
                                VerificationResult verification, String failureReason) {
        return of(plan, resumed, plan.workers(), outcome, seconds,
                verification == null ? Map.of() : verification.checksums(), verification, failureReason);
    }

    /**
     * The load.json of one shard: its slice of each table (rows and batches of the slice), each table's checksum being
     * its slice's; the verification SKIPPED, since the finish step verifies the whole.
     */
    public static LoadResult ofShard(LoadPlan plan, DatasetLoader.Outcome outcome, double seconds,
                                     Map<String, String> sliceChecksums, String failureReason) {
        return of(plan, false, plan.workers(), outcome, seconds, sliceChecksums, null, failureReason);
    }

    /**
     * The load.json of a whole sharded load, written by its finish step: each table as its batches recorded it, with one
     * {@code workers[]} entry per shard ({@code worker} is the shard index) and {@code workers} the shard count.
     */
    public static LoadResult ofFinish(LoadPlan plan, ShardedLoads.Finished finished, double seconds,
                                      VerificationResult verification, String failureReason) {
        return of(plan, false, finished.shardCount(), finished.outcome(), seconds,
                verification == null ? Map.of() : verification.checksums(), verification, failureReason);
    }

    private static LoadResult of(LoadPlan plan, boolean resumed, int workers, DatasetLoader.Outcome outcome, double seconds,
                                 Map<String, String> checksums, VerificationResult verification, String failureReason) {
        List<LoadResult.TableLoad> tables = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        for (TableLoadResult t : outcome.tables()) {
            tables.add(table(t, checksums.get(t.table())));
            rows += t.rows();
            bytes += t.bytes();
        }
        LoadResult.Totals totals = new LoadResult.Totals(rows, bytes, round(seconds), rate(rows, seconds), rate(bytes / 1e6, seconds));
        return new LoadResult(plan.dataset().name(), plan.loadId(), resumed, plan.format().name().toLowerCase(Locale.ROOT),
                plan.batchSize(), workers, tables, totals, outcome.steps().stream().map(LoadReports::output).toList(),
                verification == null ? LoadResult.Verification.skipped() : verification.toReport(),
                failureReason == null ? RunStatus.OK : RunStatus.FAILED, Optional.ofNullable(failureReason));
    }

    /** A load that failed before verification; tables finished before the failure are listed. */
    public static LoadResult failed(LoadPlan plan, boolean resumed, DatasetLoader.Outcome outcome, double seconds,
                                    String reason) {
        DatasetLoader.Outcome partial = outcome == null ? new DatasetLoader.Outcome(List.of(), List.of(), 0) : outcome;
        return of(plan, resumed, partial, seconds, null, reason);
    }

    private static LoadResult.TableLoad table(TableLoadResult r, String checksum) {
        List<LoadResult.WorkerLoad> workers = new ArrayList<>();
        for (TableLoadResult.WorkerResult w : r.workers()) {
            workers.add(new LoadResult.WorkerLoad(w.worker(), w.rows(), w.bytes(), w.batches(), round(w.seconds()),
                    rate(w.rows(), w.seconds()), rate(w.bytes() / 1e6, w.seconds())));
        }
        return new LoadResult.TableLoad(r.table(), r.totalRows(), r.rows(), r.totalBatches(), r.batches(),
                r.skippedBatches(), r.bytes(), round(r.copySeconds()), round(r.afterLoadSeconds()),
                rate(r.rows(), r.copySeconds()), rate(r.bytes() / 1e6, r.copySeconds()), workers, Optional.ofNullable(checksum));
    }

    private static LoadResult.OutputStep output(DatasetLoader.StepResult r) {
        return new LoadResult.OutputStep(r.name(), r.units(), r.bytes(), round(r.seconds()), rate(r.units(), r.seconds()),
                rate(r.bytes() / 1e6, r.seconds()));
    }

    static LoadResult.Check check(CheckResult result) {
        return new LoadResult.Check(result.check(), result.passed(), result.lines().stream()
                .map(l -> new LoadResult.CheckLine(l.item(), l.expected(),
                        Double.isNaN(l.actual()) ? OptionalDouble.empty() : OptionalDouble.of(round(l.actual())),
                        round(l.tolerance()), l.unit(), l.passed()))
                .toList());
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static double rate(double amount, double seconds) {
        return seconds <= 0 ? 0 : round(amount / seconds);
    }
}
