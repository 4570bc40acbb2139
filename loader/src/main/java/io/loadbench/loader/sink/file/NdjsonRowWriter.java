package io.loadbench.loader.sink.file;

import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.RowWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Encodes rows as newline-delimited JSON: one object per row, fields in column order, named after the
 * columns (or renamed, e.g. {@code event_time} to {@code @timestamp}). Optionally in the OpenSearch /
 * Elasticsearch {@code _bulk} format: each document line is preceded by its action line
 * {@code {"index":{"_index":"<index>","_id":"<id column value>"}}}, so the file can be POSTed to
 * {@code /_bulk} as is.
 *
 * <p>Values: integers and {@code numeric} as JSON numbers (exact decimal text), floats as numbers (NaN and
 * infinities, which JSON lacks, as strings), timestamps as ISO-8601 UTC strings with microseconds, uuid as a
 * string, {@code jsonb} embedded as JSON, {@code bytea} as base64, SQL NULL as {@code null}.
 * Single-threaded.
 */
public final class NdjsonRowWriter implements RowWriter {

    private final Writer out;
    private final String[] fieldPrefixes;
    private final String bulkIndex;
    private final int idColumn;
    private final StringBuilder document = new StringBuilder(1024);
    private final StringBuilder scratch = new StringBuilder(64);
    private String id;
    private int column;

    /**
     * @param renames   column name to JSON field name, for the columns whose names differ
     * @param bulkIndex index name for {@code _bulk} action lines, or null for plain NDJSON
     * @param idColumn  the column whose value becomes {@code _id} (ignored without {@code bulkIndex}); null for none
     */
    public NdjsonRowWriter(Writer out, List<ColumnSpec> columns, Map<String, String> renames, String bulkIndex, String idColumn) {
        this.out = out;
        this.fieldPrefixes = new String[columns.size()];
        int idIndex = -1;
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            StringBuilder prefix = new StringBuilder(i == 0 ? "{" : ",");
            JsonText.appendString(prefix, renames.getOrDefault(name, name));
            fieldPrefixes[i] = prefix.append(':').toString();
            if (name.equals(idColumn)) {
                idIndex = i;
            }
        }
        if (bulkIndex != null && idColumn != null && idIndex < 0) {
            throw new IllegalArgumentException("id column " + idColumn + " is not a column");
        }
        this.bulkIndex = bulkIndex;
        this.idColumn = idIndex;
    }

    /** Ends the current row: writes its action line (bulk) and its document line. */
    public void endRow() {
        if (column != fieldPrefixes.length) {
            throw new IllegalStateException("row had " + column + " values for " + fieldPrefixes.length + " columns");
        }
        document.append("}\n");
        try {
            if (bulkIndex != null) {
                scratch.setLength(0);
                scratch.append("{\"index\":{\"_index\":");
                JsonText.appendString(scratch, bulkIndex);
                if (id != null) {
                    scratch.append(",\"_id\":");
                    JsonText.appendString(scratch, id);
                }
                scratch.append("}}\n");
                out.append(scratch);
            }
            out.append(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.setLength(0);
        column = 0;
        id = null;
    }

    private void number(String literal) {
        keepId(literal);
        document.append(fieldPrefixes[column++]).append(literal);
    }

    private void string(String value) {
        keepId(value);
        document.append(fieldPrefixes[column++]);
        JsonText.appendString(document, value);
    }

    private void keepId(String value) {
        if (column == idColumn) {
            id = value;
        }
    }

    @Override public void int2(short value) { number(Short.toString(value)); }
    @Override public void int4(int value) { number(Integer.toString(value)); }
    @Override public void int8(long value) { number(Long.toString(value)); }
    @Override public void float4(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            string(Float.toString(value));
        } else {
            number(Float.toString(value));
        }
    }
    @Override public void float8(double value) { floating(value); }
    @Override public void numeric(long unscaledValue, int scale) { number(BigDecimal.valueOf(unscaledValue, scale).toPlainString()); }
    @Override public void bool(boolean value) { number(value ? "true" : "false"); }
    @Override public void text(String value) { string(value); }
    @Override public void bytea(byte[] value) { string(Base64.getEncoder().encodeToString(value)); }
    @Override public void timestamptz(long epochMicros) { string(Timestamps.utc(epochMicros)); }
    @Override public void timestamp(long epochMicros) { string(Timestamps.local(epochMicros)); }
    @Override public void date(int epochDay) { string(Timestamps.date(epochDay)); }
    @Override public void uuid(long msb, long lsb) { string(new UUID(msb, lsb).toString()); }

    @Override
    public void jsonb(String json) {
        keepId(json);
        document.append(fieldPrefixes[column++]).append(json);
    }

    @Override
    public void writeNull() {
        document.append(fieldPrefixes[column++]).append("null");
    }

    private void floating(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            string(Double.toString(value));
        } else {
            number(Double.toString(value));
        }
    }
}
