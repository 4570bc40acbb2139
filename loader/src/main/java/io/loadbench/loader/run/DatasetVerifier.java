package io.loadbench.loader.run;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.verify.ValueCheck;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a loaded dataset: each table holds exactly its planned row count, then the dataset's own
 * checks (distributions, integrity), then each table's checksum. A missing table is a one-line error.
 */
public final class DatasetVerifier {

    private DatasetVerifier() {
    }

    public static VerificationResult verify(Dataset dataset, DatasetContext context) throws Exception {
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
        return new VerificationResult(results, checksums);
    }
}
