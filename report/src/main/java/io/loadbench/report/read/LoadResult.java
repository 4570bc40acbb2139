package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.report.ReportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loader run's {@code load.json}, schema version 1 (the loader's {@code LoadReport}): rates per table and
 * in total. Only the fields the report shows are read: per table {@code name}, {@code rowsLoaded} (or
 * {@code rows}), {@code bytes}, {@code copySeconds}, {@code rowsPerSecond}, {@code megabytesPerSecond}; the
 * {@code totals}; {@code verification.status}; {@code format}, {@code batchSize}, {@code workers}.
 *
 * @param tables per table, in the file's order
 * @param rowsPerSecond over the whole load ({@code totals.rowsPerSecond})
 * @param durationMs wall time of the whole load ({@code totals.seconds})
 * @param verification the verification outcome as written (e.g. {@code PASSED}), or null
 * @param settings how the load ran, e.g. {@code binary COPY, batch 50000, 4 workers}, or null
 */
public record LoadResult(String dataset, List<TableLoad> tables, Double rowsPerSecond, Long durationMs,
                         String verification, String settings, JsonNode raw) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One table's load by this run.
     *
     * @param rows rows this run loaded ({@code rowsLoaded}; fewer than the table holds after a resume)
     * @param durationMs wall time of the table's parallel COPY
     * @param rowsPerSecond as written, or rows / duration when only those are written
     */
    public record TableLoad(String name, Long rows, Long bytes, Long durationMs, Double rowsPerSecond,
                            Double bytesPerSecond) {
    }

    public static LoadResult read(Path file) {
        JsonNode root = JsonFiles.read(file);
        JsonFiles.requireSchemaVersion(file, root, SCHEMA_VERSION);
        JsonNode tablesNode = root.path("tables");
        List<TableLoad> tables = new ArrayList<>();
        if (tablesNode.isArray()) {
            for (JsonNode table : tablesNode) {
                tables.add(table(file, JsonFiles.text(table, "name"), table));
            }
        } else if (!tablesNode.isMissingNode() && !tablesNode.isNull()) {
            throw new ReportException(file + ": \"tables\" must be an array");
        }
        JsonNode verification = root.get("verification");
        String verificationText = verification == null || verification.isNull() ? null
                : verification.isValueNode() ? verification.asText()
                : JsonFiles.text(verification, "status");
        JsonNode totals = root.path("totals");
        Long durationMs = millis(totals, "seconds", root, "durationMs");
        Double rowsPerSecond = JsonFiles.number(totals, "rowsPerSecond");
        if (rowsPerSecond == null) {
            rowsPerSecond = JsonFiles.number(root, "rowsPerSecond");
        }
        if (rowsPerSecond == null && durationMs != null && durationMs > 0) {
            long rows = 0;
            for (TableLoad table : tables) {
                rows += table.rows() == null ? 0 : table.rows();
            }
            rowsPerSecond = rows * 1000.0 / durationMs;
        }
        return new LoadResult(JsonFiles.text(root, "dataset"), List.copyOf(tables), rowsPerSecond, durationMs,
                verificationText, settings(root), root);
    }

    private static String settings(JsonNode root) {
        String format = JsonFiles.text(root, "format");
        Long batchSize = JsonFiles.integer(root, "batchSize");
        Long workers = JsonFiles.integer(root, "workers");
        if (format == null && batchSize == null && workers == null) {
            return null;
        }
        return (format == null ? "" : format + " ") + "COPY"
                + (batchSize == null ? "" : ", batch " + batchSize)
                + (workers == null ? "" : ", " + workers + " workers");
    }

    /** {@code seconds} (a decimal) as milliseconds, else the integer {@code millisField} of {@code fallback}. */
    private static Long millis(JsonNode node, String secondsField, JsonNode fallback, String millisField) {
        Double seconds = JsonFiles.number(node, secondsField);
        if (seconds != null && !seconds.isNaN()) {
            return Math.round(seconds * 1000);
        }
        return JsonFiles.integer(fallback, millisField);
    }

    private static TableLoad table(Path file, String name, JsonNode table) {
        if (name == null) {
            throw new ReportException(file + ": a table entry has no \"name\"");
        }
        Long rows = JsonFiles.integer(table, "rowsLoaded") != null ? JsonFiles.integer(table, "rowsLoaded")
                : JsonFiles.integer(table, "rows");
        Long bytes = JsonFiles.integer(table, "bytes");
        Long durationMs = millis(table, "copySeconds", table, "durationMs");
        Double rowsPerSecond = JsonFiles.number(table, "rowsPerSecond");
        if (rowsPerSecond == null && rows != null && durationMs != null && durationMs > 0) {
            rowsPerSecond = rows * 1000.0 / durationMs;
        }
        Double megabytesPerSecond = JsonFiles.number(table, "megabytesPerSecond");
        Double bytesPerSecond = megabytesPerSecond != null ? Double.valueOf(megabytesPerSecond * 1_000_000)
                : JsonFiles.number(table, "bytesPerSecond");
        if (bytesPerSecond == null && bytes != null && durationMs != null && durationMs > 0) {
            bytesPerSecond = bytes * 1000.0 / durationMs;
        }
        return new TableLoad(name, rows, bytes, durationMs, rowsPerSecond, bytesPerSecond);
    }
}
