package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.report.ReportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A loader run's {@code load.json}, schema version 1: rates per table. Only the fields the report shows
 * are read; the loader documents the full file beside the code that writes it.
 *
 * @param tables per table, in the file's order
 * @param verification the verification outcome as written (e.g. {@code OK}), or null
 */
public record LoadResult(String dataset, List<TableLoad> tables, Double rowsPerSecond, Long durationMs,
                         String verification, JsonNode raw) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One table's load.
     *
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
                String name = JsonFiles.text(table, "name") != null ? JsonFiles.text(table, "name") : JsonFiles.text(table, "table");
                tables.add(table(file, name, table));
            }
        } else if (tablesNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = tablesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> table = it.next();
                tables.add(table(file, table.getKey(), table.getValue()));
            }
        } else if (!tablesNode.isMissingNode() && !tablesNode.isNull()) {
            throw new ReportException(file + ": \"tables\" must be an array or an object");
        }
        JsonNode verification = root.get("verification");
        String verificationText = verification == null || verification.isNull() ? null
                : verification.isValueNode() ? verification.asText()
                : JsonFiles.text(verification, "status");
        Long durationMs = JsonFiles.integer(root, "durationMs");
        Double rowsPerSecond = JsonFiles.number(root, "rowsPerSecond");
        if (rowsPerSecond == null && durationMs != null && durationMs > 0) {
            long rows = 0;
            for (TableLoad table : tables) {
                rows += table.rows() == null ? 0 : table.rows();
            }
            rowsPerSecond = rows * 1000.0 / durationMs;
        }
        return new LoadResult(JsonFiles.text(root, "dataset"), List.copyOf(tables), rowsPerSecond, durationMs,
                verificationText, root);
    }

    private static TableLoad table(Path file, String name, JsonNode table) {
        if (name == null) {
            throw new ReportException(file + ": a table entry has no \"name\"");
        }
        Long rows = JsonFiles.integer(table, "rows");
        Long bytes = JsonFiles.integer(table, "bytes");
        Long durationMs = JsonFiles.integer(table, "durationMs");
        Double rowsPerSecond = JsonFiles.number(table, "rowsPerSecond");
        if (rowsPerSecond == null && rows != null && durationMs != null && durationMs > 0) {
            rowsPerSecond = rows * 1000.0 / durationMs;
        }
        Double bytesPerSecond = JsonFiles.number(table, "bytesPerSecond");
        if (bytesPerSecond == null && bytes != null && durationMs != null && durationMs > 0) {
            bytesPerSecond = bytes * 1000.0 / durationMs;
        }
        return new TableLoad(name, rows, bytes, durationMs, rowsPerSecond, bytesPerSecond);
    }
}
