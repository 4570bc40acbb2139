package io.loadbench.loader.encode;

import java.math.BigDecimal;

/**
 * PostgreSQL text COPY ({@code COPY t FROM STDIN (FORMAT text)}): one line per row, values separated by a
 * tab, NULL written as {@code \N}, and backslash, newline, carriage return and tab inside values escaped as
 * {@code \\ \n \r \t}. An empty string is an empty field (distinct from {@code \N}). This is not CSV: no
 * quoting, which is exactly why escaping must be complete.
 *
 * <p>Timestamps are written in ISO form with an explicit {@code +00} offset, so the server's
 * {@code TimeZone} and {@code DateStyle} cannot change their meaning.
 */
public final class CopyTextEncoder extends CopyEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private int column;

    @Override
    public Format format() {
        return Format.TEXT;
    }

    @Override
    public void writeHeader() {
        // text COPY has no header
    }

    @Override
    public void writeTrailer() {
        // the end of the stream ends the data; no "\." line is needed over the protocol
    }

    @Override
    public void beginRow(int columnCount) {
        column = 0;
    }

    @Override
    public void endRow() {
        put((byte) '\n');
    }

    private void separator() {
        if (column++ > 0) {
            put((byte) '\t');
        }
    }

    @Override public void int2(short value) { separator(); putAscii(Short.toString(value)); }
    @Override public void int4(int value) { separator(); putAscii(Integer.toString(value)); }
    @Override public void int8(long value) { separator(); putAscii(Long.toString(value)); }
    @Override public void float4(float value) { separator(); putAscii(Float.toString(value)); }
    @Override public void float8(double value) { separator(); putAscii(Double.toString(value)); }
    @Override public void numeric(long unscaledValue, int scale) {
        separator();
        putAscii(BigDecimal.valueOf(unscaledValue, scale).toPlainString());
    }
    @Override public void bool(boolean value) { separator(); put((byte) (value ? 't' : 'f')); }
    @Override public void text(String value) { separator(); putUtf8(value, true); }
    @Override public void jsonb(String json) { separator(); putUtf8(json, true); }

    @Override
    public void bytea(byte[] value) {
        separator();
        // bytea hex input is \x..., and the backslash itself must be escaped in COPY text
        ensure(3 + value.length * 2);
        buffer[position++] = '\\';
        buffer[position++] = '\\';
        buffer[position++] = 'x';
        for (byte b : value) {
            buffer[position++] = HEX[(b >> 4) & 0xF];
            buffer[position++] = HEX[b & 0xF];
        }
    }

    @Override
    public void timestamptz(long epochMicros) {
        separator();
        putTimestamp(epochMicros);
        putAscii("+00");
    }

    @Override
    public void timestamp(long epochMicros) {
        separator();
        putTimestamp(epochMicros);
    }

    @Override
    public void date(int epochDay) {
        separator();
        putDate(epochDay);
    }

    @Override
    public void uuid(long msb, long lsb) {
        separator();
        ensure(36);
        putHex(msb >>> 32, 8);
        put((byte) '-');
        putHex(msb >>> 16, 4);
        put((byte) '-');
        putHex(msb, 4);
        put((byte) '-');
        putHex(lsb >>> 48, 4);
        put((byte) '-');
        putHex(lsb, 12);
    }

    @Override
    public void writeNull() {
        separator();
        put((byte) '\\');
        put((byte) 'N');
    }

    private void putHex(long value, int digits) {
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            buffer[position++] = HEX[(int) (value >>> (i * 4)) & 0xF];
        }
    }

    private void putTimestamp(long epochMicros) {
        long days = Math.floorDiv(epochMicros, 86_400_000_000L);
        long microsOfDay = Math.floorMod(epochMicros, 86_400_000_000L);
        putDate(days);
        put((byte) ' ');
        long seconds = microsOfDay / 1_000_000;
        putDigits(seconds / 3600, 2);
        put((byte) ':');
        putDigits((seconds / 60) % 60, 2);
        put((byte) ':');
        putDigits(seconds % 60, 2);
        long micros = microsOfDay % 1_000_000;
        if (micros != 0) {
            put((byte) '.');
            putDigits(micros, 6);
        }
    }

    /** Proleptic Gregorian date from days since 1970-01-01 (Hinnant's civil_from_days); years 1-9999. */
    private void putDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("date outside years 1-9999: epoch day " + epochDay);
        }
        putDigits(year, 4);
        put((byte) '-');
        putDigits(month, 2);
        put((byte) '-');
        putDigits(day, 2);
    }

    private void putDigits(long value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buffer[position + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += width;
    }
}
