package io.loadbench.loader.run;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.MutableData;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.verify.ValueCheck;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a loaded dataset: each table holds exactly its planned row count, then the dataset's own
 * checks (distributions, integrity), then each table's checksum, then the checks of its
 * {@linkplain Dataset#mutableData() mutable data} as loaded. A missing table is a one-line error.
 */
public final class DatasetVerifier {

    /** Which part of a dataset a verification judges. */
    public enum Scope {
        /** Everything, the mutable data as loaded included: right after a load ({@code load}, {@code verify}). */
        EVERYTHING,
        /** Row counts, the dataset's checks and checksums: what must hold however often workloads ran on it. */
        IMMUTABLE,
        /** Only the checks of the mutable data as loaded: right after a {@link DatasetLoader#restore restore}. */
        MUTABLE
    }

    private DatasetVerifier() {
    }

    public static VerificationResult verify(Dataset dataset, DatasetContext context) throws Exception {
        return verify(dataset, context, Scope.EVERYTHING);
    }

    public static VerificationResult verify(Dataset dataset, DatasetContext context, Scope scope) throws Exception {
        List<CheckResult> results = new ArrayList<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        try (Connection c = context.openPostgres()) {
            for (TableSpec table : dataset.tables()) {
                if (!io.loadbench.loader.sink.postgres.ProgressTable.exists(c, table.name())) {
                    throw new IllegalStateException("table " + table.name() + " does not exist: load "
                            + dataset.name() + " first");
                }
            }
        }
        if (scope != Scope.MUTABLE) {
            for (TableSpec table : dataset.tables()) {
                results.add(new ValueCheck("row count", table.name(), "SELECT count(*) FROM " + table.name(),
                        table.rowCount(), 0, "rows").run(context));
            }
            for (Check check : dataset.checks()) {
                results.add(check.run(context));
            }
            try (Connection c = context.openPostgres()) {
                for (TableSpec table : dataset.tables()) {
                    checksums.put(table.name(), TableChecksums.checksum(c, table.name()));
                }
            }
        }
        if (scope != Scope.IMMUTABLE) {
            for (MutableData data : dataset.mutableData()) {
                results.add(data.check().run(context));
            }
        }
        return new VerificationResult(results, checksums);
    }
}
