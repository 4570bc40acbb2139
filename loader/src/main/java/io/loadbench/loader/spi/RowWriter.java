package io.loadbench.loader.spi;

/**
 * Receives the values of one row, column by column, in {@link TableSpec#columns()} order. Every encoder
 * (COPY binary, COPY text, CSV, NDJSON) implements it; row framing (start/end of a row) is the encoder's
 * business, not the generator's.
 *
 * <p>Obligations of a caller ({@link RowGenerator}): exactly one call per column, in column order, with
 * the method matching the column's {@link PgType}; {@link #writeNull()} only for nullable columns. Text
 * values are any Java string (tabs, newlines, backslashes and non-BMP characters included); the encoder
 * escapes them. The {@code text}/{@code jsonb} strings must not contain U+0000, which PostgreSQL rejects.
 *
 * <p>Obligations of an implementation: encode exactly what it was given, never repair or drop a value;
 * implementations are single-threaded (one per worker) and need not be thread-safe.
 */
public interface RowWriter {

    void int2(short value);

    void int4(int value);

    void int8(long value);

    void float4(float value);

    void float8(double value);

    /** A {@code numeric} equal to {@code unscaledValue × 10^-scale} (e.g. 12345, 2 is 123.45); {@code scale ≥ 0}. */
    void numeric(long unscaledValue, int scale);

    void bool(boolean value);

    void text(String value);

    void bytea(byte[] value);

    /** A {@code timestamptz}, in microseconds since 1970-01-01T00:00:00Z. */
    void timestamptz(long epochMicros);

    /** A {@code timestamp} (no zone), in microseconds since 1970-01-01T00:00:00 (as if UTC). */
    void timestamp(long epochMicros);

    /** A {@code date}, in days since 1970-01-01 ({@link java.time.LocalDate#toEpochDay()}). */
    void date(int epochDay);

    /** A {@code uuid} from its two 64-bit halves, as {@link java.util.UUID#UUID(long, long)} takes them. */
    void uuid(long mostSignificantBits, long leastSignificantBits);

    /** A {@code jsonb} value: one complete JSON document (object, array or scalar). */
    void jsonb(String json);

    /** SQL NULL; only for columns declared {@link ColumnSpec#nullable()}. */
    void writeNull();
}
