package io.loadbench.benchmarks.copy;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.loadbench.loader.spi.RowWriter;

/**
 * Captures generated rows as the Java values a JDBC application binds to {@code INSERT ... VALUES (?, ...)}:
 * {@code OffsetDateTime} for timestamptz, {@code LocalDate} for date, {@code UUID}, {@code BigDecimal},
 * and JSONB as a string sent untyped so the server casts it. Capturing before the measurement keeps
 * generation out of the INSERT score, as pre-encoding keeps it out of the COPY score.
 *
 * <p>Single-threaded. Call {@link #startRow()} before each generated row.
 */
final class JdbcRowValues implements RowWriter {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** A JSONB value: bound with {@link Types#OTHER} so PostgreSQL parses it as the column's type. */
    record Jsonb(String json) {
    }

    private final List<Object[]> rows = new ArrayList<>();
    private final int columnCount;
    private Object[] current;
    private int column;

    JdbcRowValues(int columnCount) {
        this.columnCount = columnCount;
    }

    void startRow() {
        finishRow();
        current = new Object[columnCount];
        column = 0;
    }

    /** @return every captured row, in order */
    List<Object[]> rows() {
        finishRow();
        return rows;
    }

    private void finishRow() {
        if (current != null) {
            if (column != columnCount) {
                throw new IllegalStateException("a row wrote " + column + " values for " + columnCount + " columns");
            }
            rows.add(current);
            current = null;
        }
    }

    /** Binds a captured row to the statement's parameters 1..n. */
    static void bind(PreparedStatement statement, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Jsonb jsonb) {
                statement.setObject(i + 1, jsonb.json(), Types.OTHER);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private void add(Object value) {
        current[column++] = value;
    }

    @Override
    public void int2(short value) {
        add(value);
    }

    @Override
    public void int4(int value) {
        add(value);
    }

    @Override
    public void int8(long value) {
        add(value);
    }

    @Override
    public void float4(float value) {
        add(value);
    }

    @Override
    public void float8(double value) {
        add(value);
    }

    @Override
    public void numeric(long unscaledValue, int scale) {
        add(BigDecimal.valueOf(unscaledValue, scale));
    }

    @Override
    public void bool(boolean value) {
        add(value);
    }

    @Override
    public void text(String value) {
        add(value);
    }

    @Override
    public void bytea(byte[] value) {
        add(value.clone());
    }

    @Override
    public void timestamptz(long epochMicros) {
        add(OffsetDateTime.ofInstant(instant(epochMicros), ZoneOffset.UTC));
    }

    @Override
    public void timestamp(long epochMicros) {
        add(LocalDateTime.ofInstant(instant(epochMicros), ZoneOffset.UTC));
    }

    @Override
    public void date(int epochDay) {
        add(LocalDate.ofEpochDay(epochDay));
    }

    @Override
    public void uuid(long mostSignificantBits, long leastSignificantBits) {
        add(new UUID(mostSignificantBits, leastSignificantBits));
    }

    @Override
    public void jsonb(String json) {
        add(new Jsonb(json));
    }

    @Override
    public void writeNull() {
        add(null);
    }

    private static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1_000L);
    }
}
