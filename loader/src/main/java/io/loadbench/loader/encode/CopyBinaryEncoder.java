package io.loadbench.loader.encode;

/**
 * PostgreSQL binary COPY ({@code COPY t FROM STDIN (FORMAT binary)}): the 11-byte {@code PGCOPY\n\377\r\n\0}
 * signature, flags and header-extension length (both 0), then per row an int16 field count and per field an
 * int32 length (-1 for NULL) followed by the type's binary send format; the stream ends with int16 -1.
 *
 * <p>Per-type formats (PostgreSQL's {@code *send} functions): integers and floats big-endian; bool one byte;
 * text and varchar UTF-8 without terminator; timestamptz/timestamp int64 microseconds since
 * 2000-01-01T00:00Z; date int32 days since 2000-01-01; uuid 16 bytes; jsonb a version byte (1) then the
 * JSON text; numeric int16 ndigits, weight, sign, dscale and base-10000 digits.
 */
public final class CopyBinaryEncoder extends CopyEncoder {

    /** Microseconds between 1970-01-01 and PostgreSQL's epoch 2000-01-01. */
    static final long PG_EPOCH_OFFSET_MICROS = 946_684_800_000_000L;
    /** Days between 1970-01-01 and 2000-01-01. */
    static final int PG_EPOCH_OFFSET_DAYS = 10_957;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final byte JSONB_VERSION = 1;
    private static final int NUMERIC_POSITIVE = 0x0000;
    private static final int NUMERIC_NEGATIVE = 0x4000;

    @Override
    public Format format() {
        return Format.BINARY;
    }

    @Override
    public void writeHeader() {
        ensure(SIGNATURE.length);
        System.arraycopy(SIGNATURE, 0, buffer, position, SIGNATURE.length);
        position += SIGNATURE.length;
        putInt(0); // flags: no OIDs
        putInt(0); // header extension length
    }

    @Override
    public void writeTrailer() {
        putShort(-1);
    }

    @Override
    public void beginRow(int columnCount) {
        putShort(columnCount);
    }

    @Override
    public void endRow() {
        // binary rows need no terminator
    }

    @Override public void int2(short value) { putInt(2); putShort(value); }
    @Override public void int4(int value) { putInt(4); putInt(value); }
    @Override public void int8(long value) { putInt(8); putLong(value); }
    @Override public void float4(float value) { putInt(4); putInt(Float.floatToIntBits(value)); }
    @Override public void float8(double value) { putInt(8); putLong(Double.doubleToLongBits(value)); }
    @Override public void bool(boolean value) { putInt(1); put((byte) (value ? 1 : 0)); }

    @Override
    public void text(String value) {
        ensure(4);
        int lengthAt = position;
        position += 4;
        putUtf8(value, false);
        putIntAt(lengthAt, position - lengthAt - 4);
    }

    @Override
    public void bytea(byte[] value) {
        putInt(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
    }

    @Override public void timestamptz(long epochMicros) { putInt(8); putLong(epochMicros - PG_EPOCH_OFFSET_MICROS); }
    @Override public void timestamp(long epochMicros) { putInt(8); putLong(epochMicros - PG_EPOCH_OFFSET_MICROS); }
    @Override public void date(int epochDay) { putInt(4); putInt(epochDay - PG_EPOCH_OFFSET_DAYS); }
    @Override public void uuid(long msb, long lsb) { putInt(16); putLong(msb); putLong(lsb); }

    @Override
    public void jsonb(String json) {
        ensure(5);
        int lengthAt = position;
        position += 4;
        buffer[position++] = JSONB_VERSION;
        putUtf8(json, false);
        putIntAt(lengthAt, position - lengthAt - 4);
    }

    @Override
    public void writeNull() {
        putInt(-1);
    }

    @Override
    public void numeric(long unscaledValue, int scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("numeric scale must be >= 0: " + scale);
        }
        String digits = unscaledValue == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(unscaledValue));
        int sign = unscaledValue < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE;
        // split into the integer part and the fraction, padding the integer part to whole base-10000 groups
        int integerLength = Math.max(0, digits.length() - scale);
        String integerPart = integerLength == 0 ? "" : digits.substring(0, integerLength);
        String fraction = "0".repeat(Math.max(0, scale - digits.length())) + digits.substring(integerLength);
        String paddedInteger = "0".repeat((4 - integerPart.length() % 4) % 4) + integerPart;
        String paddedFraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        int integerGroups = paddedInteger.length() / 4;
        int groupCount = integerGroups + paddedFraction.length() / 4;
        short[] groups = new short[groupCount];
        String all = paddedInteger + paddedFraction;
        for (int g = 0; g < groupCount; g++) {
            groups[g] = Short.parseShort(all.substring(g * 4, g * 4 + 4));
        }
        int first = 0;
        while (first < groupCount && groups[first] == 0) {
            first++;
        }
        int last = groupCount - 1;
        while (last >= first && groups[last] == 0) {
            last--;
        }
        int ndigits = last >= first ? last - first + 1 : 0;
        int weight = ndigits == 0 ? 0 : integerGroups - 1 - first;
        putInt(8 + 2 * ndigits);
        putShort(ndigits);
        putShort(weight);
        putShort(ndigits == 0 ? NUMERIC_POSITIVE : sign);
        putShort(scale);
        for (int g = first; g <= last; g++) {
            putShort(groups[g]);
        }
    }
}
