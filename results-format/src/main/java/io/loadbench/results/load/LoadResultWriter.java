package io.loadbench.results.load;

import io.loadbench.results.Json;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link LoadResult} as {@code load.json}, schema version {@value LoadResult#SCHEMA_VERSION}: keys sorted
 * at every level (by {@link Json}), an absent value as {@code null}. The reader is {@link LoadResultReader}.
 */
public final class LoadResultWriter {

    private LoadResultWriter() {
    }

    /** Writes {@code result} to {@code file} atomically. */
    public static void write(Path file, LoadResult result) {
        Json.write(file, tree(result));
    }

    /** The file's text. */
    public static String toJson(LoadResult result) {
        return Json.write(tree(result));
    }

    private static Map<String, Object> tree(LoadResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", LoadResult.SCHEMA_VERSION);
        root.put("dataset", result.dataset());
        root.put("loadId", result.loadId());
        root.put("resumed", result.resumed());
        root.put("format", result.format());
        root.put("batchSize", result.batchSize());
        root.put("workers", result.workers());
        root.put("tables", result.tables().stream().map(LoadResultWriter::table).toList());
        root.put("totals", totals(result.totals()));
        root.put("outputs", result.outputs().stream().map(LoadResultWriter::output).toList());
        root.put("verification", verification(result.verification()));
        root.put("status", result.status().name());
        root.put("failureReason", result.failureReason().orElse(null));
        return root;
    }

    private static Map<String, Object> table(LoadResult.TableLoad table) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", table.name());
        out.put("rows", table.rows());
        out.put("rowsLoaded", table.rowsLoaded());
        out.put("batches", table.batches());
        out.put("batchesLoaded", table.batchesLoaded());
        out.put("batchesSkipped", table.batchesSkipped());
        out.put("bytes", table.bytes());
        out.put("copySeconds", table.copySeconds());
        out.put("afterLoadSeconds", table.afterLoadSeconds());
        out.put("rowsPerSecond", table.rowsPerSecond());
        out.put("megabytesPerSecond", table.megabytesPerSecond());
        out.put("workers", table.workers().stream().map(LoadResultWriter::worker).toList());
        out.put("checksum", table.checksum().orElse(null));
        return out;
    }

    private static Map<String, Object> worker(LoadResult.WorkerLoad worker) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("worker", worker.worker());
        out.put("rows", worker.rows());
        out.put("bytes", worker.bytes());
        out.put("batches", worker.batches());
        out.put("seconds", worker.seconds());
        out.put("rowsPerSecond", worker.rowsPerSecond());
        out.put("megabytesPerSecond", worker.megabytesPerSecond());
        return out;
    }

    private static Map<String, Object> output(LoadResult.OutputStep step) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", step.name());
        out.put("units", step.units());
        out.put("bytes", step.bytes());
        out.put("seconds", step.seconds());
        out.put("unitsPerSecond", step.unitsPerSecond());
        out.put("megabytesPerSecond", step.megabytesPerSecond());
        return out;
    }

    private static Map<String, Object> totals(LoadResult.Totals totals) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rowsLoaded", totals.rowsLoaded());
        out.put("bytes", totals.bytes());
        out.put("seconds", totals.seconds());
        out.put("rowsPerSecond", totals.rowsPerSecond());
        out.put("megabytesPerSecond", totals.megabytesPerSecond());
        return out;
    }

    private static Map<String, Object> verification(LoadResult.Verification verification) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", verification.status().name());
        out.put("checks", verification.checks().stream().map(LoadResultWriter::check).toList());
        out.put("checksums", verification.checksums());
        return out;
    }

    private static Map<String, Object> check(LoadResult.Check check) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("check", check.check());
        out.put("passed", check.passed());
        List<Map<String, Object>> lines = check.lines().stream().map(LoadResultWriter::line).toList();
        out.put("lines", lines);
        return out;
    }

    private static Map<String, Object> line(LoadResult.CheckLine line) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("item", line.item());
        out.put("expected", line.expected());
        out.put("actual", Json.orNull(line.actual()));
        out.put("tolerance", line.tolerance());
        out.put("unit", line.unit());
        out.put("passed", line.passed());
        return out;
    }
}
