package io.loadbench.loader.spi;

/**
 * The PostgreSQL types a {@link RowGenerator} can write, each with the {@link RowWriter} method that writes
 * it. The DDL may use a compatible declared type with the same wire format (e.g. {@code varchar(64)} or
 * {@code char(2)} for {@link #TEXT}, {@code bigserial} for {@link #INT8}).
 */
public enum PgType {
    /** {@code smallint}; {@link RowWriter#int2(short)}. */
    INT2("smallint"),
    /** {@code integer}; {@link RowWriter#int4(int)}. */
    INT4("integer"),
    /** {@code bigint}; {@link RowWriter#int8(long)}. */
    INT8("bigint"),
    /** {@code real}; {@link RowWriter#float4(float)}. */
    FLOAT4("real"),
    /** {@code double precision}; {@link RowWriter#float8(double)}. */
    FLOAT8("double precision"),
    /** {@code numeric}; {@link RowWriter#numeric(long, int)} (an unscaled value and a scale, like BigDecimal). */
    NUMERIC("numeric"),
    /** {@code boolean}; {@link RowWriter#bool(boolean)}. */
    BOOL("boolean"),
    /** {@code text} (or varchar/char); {@link RowWriter#text(String)}. */
    TEXT("text"),
    /** {@code bytea}; {@link RowWriter#bytea(byte[])}. */
    BYTEA("bytea"),
    /** {@code timestamp with time zone}; {@link RowWriter#timestamptz(long)} in microseconds since 1970-01-01T00:00Z. */
    TIMESTAMPTZ("timestamptz"),
    /** {@code timestamp without time zone}; {@link RowWriter#timestamp(long)} in microseconds since 1970-01-01T00:00. */
    TIMESTAMP("timestamp"),
    /** {@code date}; {@link RowWriter#date(int)} in days since 1970-01-01. */
    DATE("date"),
    /** {@code uuid}; {@link RowWriter#uuid(long, long)}. */
    UUID("uuid"),
    /** {@code jsonb}; {@link RowWriter#jsonb(String)} with a complete, valid JSON document. */
    JSONB("jsonb");

    private final String sqlName;

    PgType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The canonical SQL type name, as PostgreSQL's {@code format_type} would spell it for plain columns. */
    public String sqlName() {
        return sqlName;
    }
}
