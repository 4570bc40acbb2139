package io.loadbench.results.load;

import io.loadbench.results.RunStatus;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A loader run's {@code load.json}: what was loaded, how fast, and whether the loaded data passed verification.
 * Units are in field names; rates are per second of wall time; a megabyte is 1,000,000 bytes; bytes are the COPY
 * wire bytes this run sent. Written by {@link LoadResultWriter}, read by {@link LoadResultReader}; documented in
 * {@code results/README.md}, locked by the golden files of every schema version.
 *
 * @param loadId        hash of the plan; the resume key
 * @param resumed       whether the load resumed an earlier one ({@code --resume})
 * @param format        the COPY format, {@code binary} or {@code text}
 * @param batchSize     rows per batch (one transaction each)
 * @param workers       parallel COPY workers requested
 * @param tables        per table, in load order
 * @param outputs       per output step (Redis fills, files), in run order
 * @param status        {@link RunStatus#OK} or {@link RunStatus#FAILED}
 * @param failureReason one line when FAILED
 */
public record LoadResult(String dataset, String loadId, boolean resumed, String format, int batchSize, int workers,
                         List<TableLoad> tables, Totals totals, List<OutputStep> outputs, Verification verification,
                         RunStatus status, Optional<String> failureReason) {

    /** Version of the {@code load.json} format; bump on any incompatible change and update results/README.md. */
    public static final int SCHEMA_VERSION = 1;

    /** The file's name in a run folder. */
    public static final String FILE = "load.json";

    public LoadResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(failureReason, "failureReason");
        tables = List.copyOf(tables);
        outputs = List.copyOf(outputs);
        if (status == RunStatus.RUNNING || failureReason.isPresent() != (status == RunStatus.FAILED)) {
            throw new IllegalArgumentException("a load.json is OK without a failure reason or FAILED with one, not "
                    + status + (failureReason.isPresent() ? " with one" : " without one"));
        }
    }

    /**
     * One table's load by this run.
     *
     * @param rows               rows the table holds once complete
     * @param rowsLoaded         rows this run loaded (fewer than {@code rows} after a resume)
     * @param batches            batches in the plan
     * @param batchesLoaded      batches this run committed
     * @param batchesSkipped     batches committed by an earlier run and skipped
     * @param bytes              COPY bytes this run sent
     * @param copySeconds        wall time of the parallel COPY
     * @param afterLoadSeconds   wall time of keys, indexes and ANALYZE
     * @param rowsPerSecond      {@code rowsLoaded / copySeconds}
     * @param megabytesPerSecond {@code bytes / 10^6 / copySeconds}
     * @param checksum           {@code <count>:<sum of row hashes>}; empty when not computed
     */
    public record TableLoad(String name, long rows, long rowsLoaded, long batches, long batchesLoaded, long batchesSkipped,
                            long bytes, double copySeconds, double afterLoadSeconds, double rowsPerSecond,
                            double megabytesPerSecond, List<WorkerLoad> workers, Optional<String> checksum) {
        public TableLoad {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(checksum, "checksum");
            workers = List.copyOf(workers);
        }
    }

    /** One worker's share of a table; {@code seconds} from its start to its end. */
    public record WorkerLoad(int worker, long rows, long bytes, long batches, double seconds, double rowsPerSecond,
                             double megabytesPerSecond) {
    }

    /**
     * One output step. For a Redis fill {@code units} are keys and {@code bytes} the RESP bytes sent (so
     * {@code unitsPerSecond} is keys/s); for a file, rows and the bytes on disk.
     */
    public record OutputStep(String name, long units, long bytes, double seconds, double unitsPerSecond,
                             double megabytesPerSecond) {
    }

    /** Over all tables; {@code seconds} is the wall time of the whole load including DDL and output steps. */
    public record Totals(long rowsLoaded, long bytes, double seconds, double rowsPerSecond, double megabytesPerSecond) {
    }

    /** How the loaded data's verification ended. */
    public enum VerificationStatus {
        PASSED,
        FAILED,
        /** The load failed before verification. */
        SKIPPED
    }

    /**
     * @param checks    each check with its measured lines
     * @param checksums table name to checksum, sorted
     */
    public record Verification(VerificationStatus status, List<Check> checks, Map<String, String> checksums) {
        public Verification {
            Objects.requireNonNull(status, "status");
            checks = List.copyOf(checks);
            checksums = Collections.unmodifiableMap(new TreeMap<>(checksums));
        }

        /** The verification of a load that failed before verifying. */
        public static Verification skipped() {
            return new Verification(VerificationStatus.SKIPPED, List.of(), Map.of());
        }
    }

    /** One check and its measured lines. */
    public record Check(String check, boolean passed, List<CheckLine> lines) {
        public Check {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A measured quantity: passed when {@code |actual - expected| <= tolerance}, in {@code unit}.
     *
     * @param actual empty when the measurement returned no value (which fails)
     */
    public record CheckLine(String item, double expected, OptionalDouble actual, double tolerance, String unit,
                            boolean passed) {
        public CheckLine {
            Objects.requireNonNull(actual, "actual");
        }

        /** Whether {@code actual} is within {@code tolerance} of {@code expected}; a missing value fails. */
        public static boolean passes(double expected, OptionalDouble actual, double tolerance) {
            return actual.isPresent() && Math.abs(actual.getAsDouble() - expected) <= tolerance;
        }
    }
}
