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
import java.util.UUID;

import io.loadbench.loader.spi.RowWriter;

/**
 * Binds one generated row to the parameters of an {@code INSERT ... VALUES (?, ?, ...)}, as an application
 * using plain JDBC would: one typed setter per column, JSONB sent untyped so the server casts it.
 *
 * <p>Single-threaded; {@link #startRow(PreparedStatement)} before each row. A failing setter is rethrown
 * unchecked with the column position, because {@link RowWriter} methods cannot throw checked exceptions.
 */
final class PreparedStatementRowWriter implements RowWriter {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private PreparedStatement statement;
    private int parameter;

    /** Binds the next row's values to {@code target}, starting at its first parameter. */
    void startRow(PreparedStatement target) {
        this.statement = target;
        this.parameter = 0;
    }

    /** @return how many values the current row has bound so far */
    int boundValues() {
        return parameter;
    }

    @Override
    public void int2(short value) {
        bind(() -> statement.setShort(++parameter, value));
    }

    @Override
    public void int4(int value) {
        bind(() -> statement.setInt(++parameter, value));
    }

    @Override
    public void int8(long value) {
        bind(() -> statement.setLong(++parameter, value));
    }

    @Override
    public void float4(float value) {
        bind(() -> statement.setFloat(++parameter, value));
    }

    @Override
    public void float8(double value) {
        bind(() -> statement.setDouble(++parameter, value));
    }

    @Override
    public void numeric(long unscaledValue, int scale) {
        bind(() -> statement.setBigDecimal(++parameter, BigDecimal.valueOf(unscaledValue, scale)));
    }

    @Override
    public void bool(boolean value) {
        bind(() -> statement.setBoolean(++parameter, value));
    }

    @Override
    public void text(String value) {
        bind(() -> statement.setString(++parameter, value));
    }

    @Override
    public void bytea(byte[] value) {
        bind(() -> statement.setBytes(++parameter, value));
    }

    @Override
    public void timestamptz(long epochMicros) {
        bind(() -> statement.setObject(++parameter, OffsetDateTime.ofInstant(instant(epochMicros), ZoneOffset.UTC)));
    }

    @Override
    public void timestamp(long epochMicros) {
        bind(() -> statement.setObject(++parameter, LocalDateTime.ofInstant(instant(epochMicros), ZoneOffset.UTC)));
    }

    @Override
    public void date(int epochDay) {
        bind(() -> statement.setObject(++parameter, LocalDate.ofEpochDay(epochDay)));
    }

    @Override
    public void uuid(long mostSignificantBits, long leastSignificantBits) {
        bind(() -> statement.setObject(++parameter, new UUID(mostSignificantBits, leastSignificantBits)));
    }

    @Override
    public void jsonb(String json) {
        bind(() -> statement.setObject(++parameter, json, Types.OTHER));
    }

    @Override
    public void writeNull() {
        bind(() -> statement.setNull(++parameter, Types.NULL));
    }

    private static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1_000L);
    }

    private void bind(Binding binding) {
        try {
            binding.run();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind parameter " + parameter + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Binding {
        void run() throws SQLException;
    }
}
