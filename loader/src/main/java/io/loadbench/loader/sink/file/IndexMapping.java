package io.loadbench.loader.sink.file;

import io.loadbench.loader.spi.ColumnSpec;

import java.util.List;
import java.util.Map;

/**
 * The OpenSearch / Elasticsearch index definition ({@code PUT /<index>} body) matching the documents
 * {@link NdjsonRowWriter} writes: one property per column, under its JSON field name, typed from the
 * column's {@link io.loadbench.loader.spi.PgType}. Text columns are {@code keyword} (exact-match filters and
 * aggregations, what a performance dashboard does) unless named in {@code fullTextColumns}, which become
 * {@code text} with a {@code keyword} sub-field.
 */
public final class IndexMapping {

    private IndexMapping() {
    }

    public static String json(List<ColumnSpec> columns, Map<String, String> renames, List<String> fullTextColumns) {
        StringBuilder out = new StringBuilder(2048);
        out.append("{\n  \"settings\" : { \"number_of_shards\" : 1, \"number_of_replicas\" : 0 },\n")
                .append("  \"mappings\" : {\n    \"dynamic\" : \"strict\",\n    \"properties\" : {\n");
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            out.append("      ");
            JsonText.appendString(out, renames.getOrDefault(column.name(), column.name()));
            out.append(" : ").append(property(column, fullTextColumns.contains(column.name())))
                    .append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        out.append("    }\n  }\n}\n");
        return out.toString();
    }

    private static String property(ColumnSpec column, boolean fullText) {
        return switch (column.type()) {
            case INT2 -> "{ \"type\" : \"short\" }";
            case INT4 -> "{ \"type\" : \"integer\" }";
            case INT8 -> "{ \"type\" : \"long\" }";
            case FLOAT4 -> "{ \"type\" : \"float\" }";
            case FLOAT8, NUMERIC -> "{ \"type\" : \"double\" }";
            case BOOL -> "{ \"type\" : \"boolean\" }";
            case TEXT -> fullText
                    ? "{ \"type\" : \"text\", \"fields\" : { \"keyword\" : { \"type\" : \"keyword\", \"ignore_above\" : 256 } } }"
                    : "{ \"type\" : \"keyword\" }";
            case UUID -> "{ \"type\" : \"keyword\" }";
            case BYTEA -> "{ \"type\" : \"binary\" }";
            case TIMESTAMPTZ, TIMESTAMP -> "{ \"type\" : \"date\", \"format\" : \"strict_date_optional_time\" }";
            case DATE -> "{ \"type\" : \"date\", \"format\" : \"strict_date\" }";
            case JSONB -> "{ \"type\" : \"object\", \"dynamic\" : true }";
        };
    }
}
