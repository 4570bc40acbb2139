package io.loadbench.loader.sink.file;

import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.RowWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Encodes rows as CSV (RFC 4180): comma-separated, CRLF line ends, a header line of column names. A field
 * is quoted when it contains a comma, quote, CR or LF, or is empty; quotes are doubled. SQL NULL is an empty
 * unquoted field and the empty string is {@code ""}, so the two stay distinct (PostgreSQL's
 * {@code COPY ... (FORMAT csv)} reads them back that way). Timestamps are ISO-8601 UTC, numbers use {@code .}.
 * Single-threaded.
 */
public final class CsvRowWriter implements RowWriter {

    private final Writer out;
    private final int columns;
    private int column;

    public CsvRowWriter(Writer out, List<ColumnSpec> columns) {
        this(out, columns, true);
    }

    /** @param header whether to start with the header line (false for all but the first part of a file) */
    public CsvRowWriter(Writer out, List<ColumnSpec> columns, boolean header) {
        this.out = out;
        this.columns = columns.size();
        if (!header) {
            return;
        }
        try {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(columns.get(i).name());
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the current row; throws if it did not have one value per column. */
    public void endRow() {
        if (column != columns) {
            throw new IllegalStateException("row had " + column + " values for " + columns + " columns");
        }
        column = 0;
        raw("\r\n");
    }

    private void separator() {
        if (column++ > 0) {
            raw(",");
        }
    }

    private void raw(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void field(String s) {
        separator();
        raw(s);
    }

    @Override public void int2(short value) { field(Short.toString(value)); }
    @Override public void int4(int value) { field(Integer.toString(value)); }
    @Override public void int8(long value) { field(Long.toString(value)); }
    @Override public void float4(float value) { field(Float.toString(value)); }
    @Override public void float8(double value) { field(Double.toString(value)); }
    @Override public void numeric(long unscaledValue, int scale) { field(BigDecimal.valueOf(unscaledValue, scale).toPlainString()); }
    @Override public void bool(boolean value) { field(value ? "true" : "false"); }
    @Override public void bytea(byte[] value) { text("\\x" + java.util.HexFormat.of().formatHex(value)); }
    @Override public void timestamptz(long epochMicros) { field(Timestamps.utc(epochMicros)); }
    @Override public void timestamp(long epochMicros) { field(Timestamps.local(epochMicros)); }
    @Override public void date(int epochDay) { field(Timestamps.date(epochDay)); }
    @Override public void uuid(long msb, long lsb) { field(new UUID(msb, lsb).toString()); }
    @Override public void jsonb(String json) { text(json); }
    @Override public void writeNull() { field(""); }

    @Override
    public void text(String value) {
        separator();
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            raw(value);
        } else {
            raw("\"");
            raw(value.replace("\"", "\"\""));
            raw("\"");
        }
    }
}
