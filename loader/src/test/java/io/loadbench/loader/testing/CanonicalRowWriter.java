package io.loadbench.loader.testing;

import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowWriter;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes values with a type tag into a byte array, independent of any wire format, so that two rows
 * can be compared byte for byte; also records the {@link PgType} sequence of the last row.
 */
public final class CanonicalRowWriter implements RowWriter {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final java.util.List<PgType> types = new java.util.ArrayList<>();
    private int nulls;

    /** Clears the buffer before the next row. */
    public void reset() {
        bytes.reset();
        types.clear();
        nulls = 0;
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    /** Types written since the last reset; {@code null} entries stand for NULLs. */
    public java.util.List<PgType> types() {
        return types;
    }

    public int nulls() {
        return nulls;
    }

    private DataOutputStream tag(PgType type) {
        types.add(type);
        try {
            out.writeByte(type == null ? 255 : type.ordinal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private interface IoWrite {
        void run(DataOutputStream out) throws IOException;
    }

    private void write(PgType type, IoWrite write) {
        try {
            write.run(tag(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void int2(short value) { write(PgType.INT2, o -> o.writeShort(value)); }
    @Override public void int4(int value) { write(PgType.INT4, o -> o.writeInt(value)); }
    @Override public void int8(long value) { write(PgType.INT8, o -> o.writeLong(value)); }
    @Override public void float4(float value) { write(PgType.FLOAT4, o -> o.writeInt(Float.floatToRawIntBits(value))); }
    @Override public void float8(double value) { write(PgType.FLOAT8, o -> o.writeLong(Double.doubleToRawLongBits(value))); }
    @Override public void numeric(long unscaledValue, int scale) {
        write(PgType.NUMERIC, o -> { o.writeLong(unscaledValue); o.writeInt(scale); });
    }
    @Override public void bool(boolean value) { write(PgType.BOOL, o -> o.writeBoolean(value)); }
    @Override public void text(String value) { writeBytes(PgType.TEXT, value.getBytes(StandardCharsets.UTF_8)); }
    @Override public void bytea(byte[] value) { writeBytes(PgType.BYTEA, value); }
    @Override public void timestamptz(long epochMicros) { write(PgType.TIMESTAMPTZ, o -> o.writeLong(epochMicros)); }
    @Override public void timestamp(long epochMicros) { write(PgType.TIMESTAMP, o -> o.writeLong(epochMicros)); }
    @Override public void date(int epochDay) { write(PgType.DATE, o -> o.writeInt(epochDay)); }
    @Override public void uuid(long msb, long lsb) { write(PgType.UUID, o -> { o.writeLong(msb); o.writeLong(lsb); }); }
    @Override public void jsonb(String json) { writeBytes(PgType.JSONB, json.getBytes(StandardCharsets.UTF_8)); }

    @Override
    public void writeNull() {
        nulls++;
        write(null, o -> { });
    }

    private void writeBytes(PgType type, byte[] value) {
        write(type, o -> {
            o.writeInt(value.length);
            o.write(value);
        });
    }
}
