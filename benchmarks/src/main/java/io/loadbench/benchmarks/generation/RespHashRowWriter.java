package io.loadbench.benchmarks.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.loadbench.loader.sink.redis.RedisCommandWriter;
import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.RowWriter;

/**
 * Writes a row as the Redis command that caches it: {@code HSET <table>:<row> <column> <value> ...}, every
 * value in its text form (decimal numbers, ISO-8601 UTC times, canonical UUIDs, JSON as is), NULL as an
 * empty string. This is the RESP a cache fill of table rows sends.
 *
 * <p>Single-threaded. {@link #startRow(long)} announces the command, the row's values complete it.
 */
final class RespHashRowWriter implements RowWriter {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final RedisCommandWriter out;
    private final String keyPrefix;
    private final String[] columnNames;
    private int column;

    RespHashRowWriter(RedisCommandWriter out, String table, List<ColumnSpec> columns) {
        this.out = out;
        this.keyPrefix = table + ":";
        this.columnNames = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
    }

    /** Begins the HSET of row {@code rowIndex}; exactly one value per column must follow. */
    void startRow(long rowIndex) {
        out.begin(2 + 2 * columnNames.length).arg("HSET").arg(keyPrefix + rowIndex);
        column = 0;
    }

    private RedisCommandWriter field() {
        out.arg(columnNames[column]);
        column++;
        return out;
    }

    private void endIfLast() {
        if (column == columnNames.length) {
            out.end();
        }
    }

    @Override
    public void int2(short value) {
        field().arg(value);
        endIfLast();
    }

    @Override
    public void int4(int value) {
        field().arg(value);
        endIfLast();
    }

    @Override
    public void int8(long value) {
        field().arg(value);
        endIfLast();
    }

    @Override
    public void float4(float value) {
        field().arg(Float.toString(value));
        endIfLast();
    }

    @Override
    public void float8(double value) {
        field().arg(Double.toString(value));
        endIfLast();
    }

    @Override
    public void numeric(long unscaledValue, int scale) {
        field().arg(java.math.BigDecimal.valueOf(unscaledValue, scale).toPlainString());
        endIfLast();
    }

    @Override
    public void bool(boolean value) {
        field().arg(value ? "1" : "0");
        endIfLast();
    }

    @Override
    public void text(String value) {
        field().arg(value);
        endIfLast();
    }

    @Override
    public void bytea(byte[] value) {
        field().arg(value);
        endIfLast();
    }

    @Override
    public void timestamptz(long epochMicros) {
        field().arg(instant(epochMicros).toString());
        endIfLast();
    }

    @Override
    public void timestamp(long epochMicros) {
        field().arg(LocalDateTime.ofInstant(instant(epochMicros), ZoneOffset.UTC).toString());
        endIfLast();
    }

    @Override
    public void date(int epochDay) {
        field().arg(LocalDate.ofEpochDay(epochDay).toString());
        endIfLast();
    }

    @Override
    public void uuid(long mostSignificantBits, long leastSignificantBits) {
        field().arg(new UUID(mostSignificantBits, leastSignificantBits).toString());
        endIfLast();
    }

    @Override
    public void jsonb(String json) {
        field().arg(json);
        endIfLast();
    }

    @Override
    public void writeNull() {
        field().arg("");
        endIfLast();
    }

    private static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1_000L);
    }
}
