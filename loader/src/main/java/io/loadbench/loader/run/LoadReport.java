package io.loadbench.loader.run;

import io.loadbench.loader.sink.postgres.TableLoadResult;
import io.loadbench.loader.spi.CheckResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code load.json} document of a load run (schema version 1). Units are in field names; rates are
 * per second of wall time; a megabyte is 1,000,000 bytes; bytes are COPY wire bytes sent by this run.
 *
 * @param schemaVersion  1
 * @param dataset        dataset name
 * @param loadId         hash of the plan (see {@link LoadPlan}); the resume key
 * @param resumed        whether {@code --resume} was given
 * @param format         {@code binary} or {@code text}
 * @param batchSize      rows per batch (one transaction each)
 * @param workers        parallel COPY workers requested
 * @param tables         per table, in load order
 * @param totals         over all tables
 * @param outputs        per output step (Redis fills, files), in run order
 * @param verification   row counts, distributions and integrity checks, with table checksums
 * @param status         {@code OK} or {@code FAILED}
 * @param failureReason  one line when FAILED, else null
 */
public record LoadReport(int schemaVersion, String dataset, String loadId, boolean resumed, String format,
                         int batchSize, int workers, List<TableReport> tables, Totals totals,
                         List<OutputReport> outputs, Verification verification, String status, String failureReason) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param rows                 rows the table holds once complete
     * @param rowsLoaded           rows this run loaded (fewer than {@code rows} after a resume)
     * @param batches              batches in the plan
     * @param batchesLoaded        batches this run committed
     * @param batchesSkipped       batches committed by an earlier run and skipped
     * @param bytes                COPY bytes this run sent
     * @param copySeconds          wall time of the parallel COPY
     * @param afterLoadSeconds     wall time of keys, indexes and ANALYZE
     * @param rowsPerSecond        {@code rowsLoaded / copySeconds}
     * @param megabytesPerSecond   {@code bytes / 10^6 / copySeconds}
     * @param checksum             {@code <count>:<sum of row hashes>}, see {@link TableChecksums}; null if not computed
     */
    public record TableReport(String name, long rows, long rowsLoaded, long batches, long batchesLoaded,
                              long batchesSkipped, long bytes, double copySeconds, double afterLoadSeconds,
                              double rowsPerSecond, double megabytesPerSecond, List<WorkerReport> workers,
                              String checksum) {

        static TableReport of(TableLoadResult r, String checksum) {
            List<WorkerReport> workers = new ArrayList<>();
            for (TableLoadResult.WorkerResult w : r.workers()) {
                workers.add(new WorkerReport(w.worker(), w.rows(), w.bytes(), w.batches(), round(w.seconds()),
                        rate(w.rows(), w.seconds()), rate(w.bytes() / 1e6, w.seconds())));
            }
            return new TableReport(r.table(), r.totalRows(), r.rows(), r.totalBatches(), r.batches(),
                    r.skippedBatches(), r.bytes(), round(r.copySeconds()), round(r.afterLoadSeconds()),
                    rate(r.rows(), r.copySeconds()), rate(r.bytes() / 1e6, r.copySeconds()), workers, checksum);
        }
    }

    /** One worker's share of a table; {@code seconds} from its start to its end. */
    public record WorkerReport(int worker, long rows, long bytes, long batches, double seconds, double rowsPerSecond,
                               double megabytesPerSecond) {
    }

    /**
     * One output step. For a Redis fill {@code units} are keys and {@code bytes} the RESP bytes sent (so
     * {@code unitsPerSecond} is keys/s); for a file, rows and the bytes on disk.
     */
    public record OutputReport(String name, long units, long bytes, double seconds, double unitsPerSecond,
                               double megabytesPerSecond) {

        static OutputReport of(DatasetLoader.StepResult r) {
            return new OutputReport(r.name(), r.units(), r.bytes(), round(r.seconds()), rate(r.units(), r.seconds()),
                    rate(r.bytes() / 1e6, r.seconds()));
        }
    }

    /** Over all tables; {@code seconds} is the wall time of the whole load including DDL and output steps. */
    public record Totals(long rowsLoaded, long bytes, double seconds, double rowsPerSecond, double megabytesPerSecond) {
    }

    /**
     * @param status {@code PASSED}, {@code FAILED} or {@code SKIPPED} (the load failed before verification)
     * @param checks each check with its measured lines
     * @param checksums table name to checksum
     */
    public record Verification(String status, List<CheckReport> checks, Map<String, String> checksums) {

        public static Verification skipped() {
            return new Verification("SKIPPED", List.of(), Map.of());
        }
    }

    /** One check and its measured lines. */
    public record CheckReport(String check, boolean passed, List<LineReport> lines) {

        static CheckReport of(CheckResult result) {
            return new CheckReport(result.check(), result.passed(), result.lines().stream()
                    .map(l -> new LineReport(l.item(), l.expected(), Double.isNaN(l.actual()) ? null : round(l.actual()),
                            round(l.tolerance()), l.unit(), l.passed()))
                    .toList());
        }
    }

    /**
     * A measured quantity: passed when {@code |actual - expected| <= tolerance}, in {@code unit};
     * {@code actual} is null when the measurement returned no value (which fails).
     */
    public record LineReport(String item, double expected, Double actual, double tolerance, String unit, boolean passed) {
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    static double rate(double amount, double seconds) {
        return seconds <= 0 ? 0 : round(amount / seconds);
    }
}
