package io.loadbench.loader.testing;

import io.loadbench.loader.spi.RowWriter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Captures the values of a row as readable strings (NULL as {@code null}), for assertions on content. */
public final class ValueCapturingRowWriter implements RowWriter {

    private final List<String> values = new ArrayList<>();

    public void reset() {
        values.clear();
    }

    public List<String> values() {
        return values;
    }

    @Override public void int2(short value) { values.add(Short.toString(value)); }
    @Override public void int4(int value) { values.add(Integer.toString(value)); }
    @Override public void int8(long value) { values.add(Long.toString(value)); }
    @Override public void float4(float value) { values.add(Float.toString(value)); }
    @Override public void float8(double value) { values.add(Double.toString(value)); }
    @Override public void numeric(long unscaledValue, int scale) { values.add(BigDecimal.valueOf(unscaledValue, scale).toPlainString()); }
    @Override public void bool(boolean value) { values.add(Boolean.toString(value)); }
    @Override public void text(String value) { values.add(value); }
    @Override public void bytea(byte[] value) { values.add(HexFormat.of().formatHex(value)); }
    @Override public void timestamptz(long epochMicros) { values.add(Instant.EPOCH.plusNanos(epochMicros * 1000).toString()); }
    @Override public void timestamp(long epochMicros) { values.add(Instant.EPOCH.plusNanos(epochMicros * 1000).toString()); }
    @Override public void date(int epochDay) { values.add(LocalDate.ofEpochDay(epochDay).toString()); }
    @Override public void uuid(long msb, long lsb) { values.add(new UUID(msb, lsb).toString()); }
    @Override public void jsonb(String json) { values.add(json); }
    @Override public void writeNull() { values.add(null); }
}
