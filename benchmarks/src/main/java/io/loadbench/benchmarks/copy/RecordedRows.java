package io.loadbench.benchmarks.copy;

import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.RowWriter;
import java.util.Arrays;

/**
 * Generated rows, recorded once as the values the generator wrote, and replayed into any {@link RowWriter}: the
 * COPY encoder or the JDBC binder. It is what makes the COPY and INSERT benchmarks fair: both exclude generation
 * (done once, before the measurement) and both include their own wire encoding (COPY's encoder, pgjdbc's binding),
 * which runs inside every invocation.
 *
 * <p>Values are stored column by column in flat arrays (a kind, a primitive, an object reference), so a replay
 * reads memory the way an encoder reading a generator's output would, without boxing. Single-threaded writer;
 * replays may run on any thread once recording is done.
 */
final class RecordedRows implements RowWriter {

    private static final byte INT2 = 1;
    private static final byte INT4 = 2;
    private static final byte INT8 = 3;
    private static final byte FLOAT4 = 4;
    private static final byte FLOAT8 = 5;
    private static final byte NUMERIC = 6;
    private static final byte BOOL = 7;
    private static final byte TEXT = 8;
    private static final byte BYTEA = 9;
    private static final byte TIMESTAMPTZ = 10;
    private static final byte TIMESTAMP = 11;
    private static final byte DATE = 12;
    private static final byte UUID = 13;
    private static final byte JSONB = 14;
    private static final byte NULL = 15;

    private final int columns;
    private final int rows;
    private final byte[] kinds;
    /** The value of a primitive column; numeric: the unscaled value; uuid: the most significant bits. */
    private final long[] primitives;
    /** numeric: the scale; uuid: the least significant bits. */
    private final long[] secondPrimitives;
    private final Object[] objects;
    private int written;

    private RecordedRows(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        int values = Math.multiplyExact(rows, columns);
        kinds = new byte[values];
        primitives = new long[values];
        secondPrimitives = new long[values];
        objects = new Object[values];
    }

    /** Records rows {@code 0..rows-1} of {@code generator}. */
    static RecordedRows record(RowGenerator generator, int rows, int columns) {
        RecordedRows recorded = new RecordedRows(rows, columns);
        for (int row = 0; row < rows; row++) {
            generator.generate(row, recorded);
            if (recorded.written != (row + 1) * columns) {
                throw new IllegalStateException("row " + row + " wrote " + (recorded.written - row * columns)
                        + " values for " + columns + " columns");
            }
        }
        return recorded;
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    /** Writes row {@code row}'s values into {@code out}, in column order, exactly as the generator wrote them. */
    void replay(int row, RowWriter out) {
        int end = (row + 1) * columns;
        for (int i = row * columns; i < end; i++) {
            switch (kinds[i]) {
                case INT2 -> out.int2((short) primitives[i]);
                case INT4 -> out.int4((int) primitives[i]);
                case INT8 -> out.int8(primitives[i]);
                case FLOAT4 -> out.float4(Float.intBitsToFloat((int) primitives[i]));
                case FLOAT8 -> out.float8(Double.longBitsToDouble(primitives[i]));
                case NUMERIC -> out.numeric(primitives[i], (int) secondPrimitives[i]);
                case BOOL -> out.bool(primitives[i] != 0);
                case TEXT -> out.text((String) objects[i]);
                case BYTEA -> out.bytea((byte[]) objects[i]);
                case TIMESTAMPTZ -> out.timestamptz(primitives[i]);
                case TIMESTAMP -> out.timestamp(primitives[i]);
                case DATE -> out.date((int) primitives[i]);
                case UUID -> out.uuid(primitives[i], secondPrimitives[i]);
                case JSONB -> out.jsonb((String) objects[i]);
                case NULL -> out.writeNull();
                default -> throw new IllegalStateException("value " + i + " was never written");
            }
        }
    }

    private int next(byte kind) {
        if (written == kinds.length) {
            throw new IllegalStateException("more values than " + rows + " rows of " + columns + " columns");
        }
        kinds[written] = kind;
        return written++;
    }

    @Override
    public void int2(short value) {
        primitives[next(INT2)] = value;
    }

    @Override
    public void int4(int value) {
        primitives[next(INT4)] = value;
    }

    @Override
    public void int8(long value) {
        primitives[next(INT8)] = value;
    }

    @Override
    public void float4(float value) {
        primitives[next(FLOAT4)] = Float.floatToRawIntBits(value);
    }

    @Override
    public void float8(double value) {
        primitives[next(FLOAT8)] = Double.doubleToRawLongBits(value);
    }

    @Override
    public void numeric(long unscaledValue, int scale) {
        int i = next(NUMERIC);
        primitives[i] = unscaledValue;
        secondPrimitives[i] = scale;
    }

    @Override
    public void bool(boolean value) {
        primitives[next(BOOL)] = value ? 1 : 0;
    }

    @Override
    public void text(String value) {
        objects[next(TEXT)] = value;
    }

    @Override
    public void bytea(byte[] value) {
        objects[next(BYTEA)] = Arrays.copyOf(value, value.length);
    }

    @Override
    public void timestamptz(long epochMicros) {
        primitives[next(TIMESTAMPTZ)] = epochMicros;
    }

    @Override
    public void timestamp(long epochMicros) {
        primitives[next(TIMESTAMP)] = epochMicros;
    }

    @Override
    public void date(int epochDay) {
        primitives[next(DATE)] = epochDay;
    }

    @Override
    public void uuid(long mostSignificantBits, long leastSignificantBits) {
        int i = next(UUID);
        primitives[i] = mostSignificantBits;
        secondPrimitives[i] = leastSignificantBits;
    }

    @Override
    public void jsonb(String json) {
        objects[next(JSONB)] = json;
    }

    @Override
    public void writeNull() {
        next(NULL);
    }
}
