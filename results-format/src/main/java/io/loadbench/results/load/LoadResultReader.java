package io.loadbench.results.load;

import io.loadbench.results.JsonFields;
import io.loadbench.results.ResultFormatException;
import io.loadbench.results.RunStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads {@code load.json} as {@link LoadResultWriter} writes it, schema version {@value LoadResult#SCHEMA_VERSION}.
 *
 * <p>The first schema-1 files (before the loader had output steps and per-line verdicts, such as
 * the first committed reference runs) have no {@code outputs} and no
 * {@code passed} on a check line: they are read as no output steps, and a line passes by its own definition
 * ({@link LoadResult.CheckLine#passes}). Rewritten, such a file gains those fields.
 */
public final class LoadResultReader {

    private LoadResultReader() {
    }

    /** @throws ResultFormatException naming the file and field when it is not a load.json of a known version */
    public static LoadResult read(Path file) {
        JsonFields root = JsonFields.readVersioned(file, LoadResult.SCHEMA_VERSION);
        List<LoadResult.TableLoad> tables = new ArrayList<>();
        for (JsonFields table : root.objectList("tables")) {
            tables.add(table(table));
        }
        List<LoadResult.OutputStep> outputs = new ArrayList<>();
        if (root.has("outputs")) {
            for (JsonFields step : root.objectList("outputs")) {
                outputs.add(new LoadResult.OutputStep(step.text("name"), step.longValue("units"), step.longValue("bytes"),
                        step.doubleValue("seconds"), step.doubleValue("unitsPerSecond"), step.doubleValue("megabytesPerSecond")));
            }
        }
        JsonFields totals = root.object("totals");
        try {
            return new LoadResult(root.text("dataset"), root.text("loadId"), root.booleanValue("resumed"), root.text("format"),
                    root.intValue("batchSize"), root.intValue("workers"), tables,
                    new LoadResult.Totals(totals.longValue("rowsLoaded"), totals.longValue("bytes"), totals.doubleValue("seconds"),
                            totals.doubleValue("rowsPerSecond"), totals.doubleValue("megabytesPerSecond")),
                    outputs, verification(root.object("verification")), root.enumValue("status", RunStatus.class),
                    root.optionalText("failureReason"));
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static LoadResult.TableLoad table(JsonFields table) {
        List<LoadResult.WorkerLoad> workers = new ArrayList<>();
        for (JsonFields worker : table.objectList("workers")) {
            workers.add(new LoadResult.WorkerLoad(worker.intValue("worker"), worker.longValue("rows"), worker.longValue("bytes"),
                    worker.longValue("batches"), worker.doubleValue("seconds"), worker.doubleValue("rowsPerSecond"),
                    worker.doubleValue("megabytesPerSecond")));
        }
        return new LoadResult.TableLoad(table.text("name"), table.longValue("rows"), table.longValue("rowsLoaded"),
                table.longValue("batches"), table.longValue("batchesLoaded"), table.longValue("batchesSkipped"),
                table.longValue("bytes"), table.doubleValue("copySeconds"), table.doubleValue("afterLoadSeconds"),
                table.doubleValue("rowsPerSecond"), table.doubleValue("megabytesPerSecond"), workers,
                table.optionalText("checksum"));
    }

    private static LoadResult.Verification verification(JsonFields verification) {
        List<LoadResult.Check> checks = new ArrayList<>();
        for (JsonFields check : verification.objectList("checks")) {
            List<LoadResult.CheckLine> lines = new ArrayList<>();
            for (JsonFields line : check.objectList("lines")) {
                double expected = line.doubleValue("expected");
                OptionalDouble actual = line.optionalDouble("actual");
                double tolerance = line.doubleValue("tolerance");
                boolean passed = line.has("passed") ? line.booleanValue("passed")
                        : LoadResult.CheckLine.passes(expected, actual, tolerance);
                lines.add(new LoadResult.CheckLine(line.text("item"), expected, actual, tolerance, line.text("unit"), passed));
            }
            checks.add(new LoadResult.Check(check.text("check"), check.booleanValue("passed"), lines));
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        JsonFields sums = verification.object("checksums");
        for (String table : sums.fieldNames()) {
            checksums.put(table, sums.text(table));
        }
        return new LoadResult.Verification(verification.enumValue("status", LoadResult.VerificationStatus.class), checks, checksums);
    }
}
