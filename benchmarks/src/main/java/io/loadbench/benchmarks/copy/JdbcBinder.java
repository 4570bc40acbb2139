package io.loadbench.benchmarks.copy;

import io.loadbench.loader.spi.RowWriter;
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

/**
 * Binds a row's values to {@code INSERT ... VALUES (?, ...)} as a JDBC application would: {@code OffsetDateTime} for
 * timestamptz, {@code LocalDate} for date, {@code UUID}, {@code BigDecimal}, and JSONB as a string sent untyped so the
 * server casts it. It runs inside the INSERT benchmark's invocation (replaying {@link RecordedRows}), so the score
 * includes the client's conversion and pgjdbc's encoding, as the COPY score includes the COPY encoder's.
 *
 * <p>Single-threaded. {@link #bindTo(PreparedStatement)} before each row.
 */
final class JdbcBinder implements RowWriter {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private PreparedStatement statement;
    private int parameter;

    /** The next row's values go to {@code statement}'s parameters 1..n. */
    void bindTo(PreparedStatement statement) {
        this.statement = statement;
        this.parameter = 0;
    }

    private void set(Object value) {
        try {
            statement.setObject(++parameter, value);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind parameter " + parameter + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void int2(short value) {
        set(value);
    }

    @Override
    public void int4(int value) {
        set(value);
    }

    @Override
    public void int8(long value) {
        set(value);
    }

    @Override
    public void float4(float value) {
        set(value);
    }

    @Override
    public void float8(double value) {
        set(value);
    }

    @Override
    public void numeric(long unscaledValue, int scale) {
        set(BigDecimal.valueOf(unscaledValue, scale));
    }

    @Override
    public void bool(boolean value) {
        set(value);
    }

    @Override
    public void text(String value) {
        set(value);
    }

    @Override
    public void bytea(byte[] value) {
        set(value);
    }

    @Override
    public void timestamptz(long epochMicros) {
        set(OffsetDateTime.ofInstant(instant(epochMicros), ZoneOffset.UTC));
    }

    @Override
    public void timestamp(long epochMicros) {
        set(LocalDateTime.ofInstant(instant(epochMicros), ZoneOffset.UTC));
    }

    @Override
    public void date(int epochDay) {
        set(LocalDate.ofEpochDay(epochDay));
    }

    @Override
    public void uuid(long mostSignificantBits, long leastSignificantBits) {
        set(new UUID(mostSignificantBits, leastSignificantBits));
    }

    @Override
    public void jsonb(String json) {
        try {
            statement.setObject(++parameter, json, Types.OTHER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind parameter " + parameter + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeNull() {
        try {
            statement.setNull(++parameter, Types.NULL);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind parameter " + parameter + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1_000L);
    }
}
