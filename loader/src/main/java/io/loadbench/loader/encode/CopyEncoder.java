package io.loadbench.loader.encode;

import io.loadbench.loader.spi.RowWriter;

import java.util.Arrays;

/**
 * A COPY encoder: a {@link RowWriter} that appends one COPY stream (header, rows, trailer) to a reusable
 * byte buffer. The caller frames rows with {@link #beginRow(int)} / {@link #endRow()} and drains the buffer
 * with {@link #array()}/{@link #size()}/{@link #clear()} whenever it grows large. Single-threaded.
 */
public abstract class CopyEncoder implements RowWriter {

    /** Which COPY format an encoder speaks. */
    public enum Format {
        BINARY, TEXT;

        /** The {@code WITH (...)} clause of the COPY statement. */
        public String copyOptions() {
            return this == BINARY ? "(FORMAT binary)" : "(FORMAT text)";
        }

        public CopyEncoder newEncoder() {
            return this == BINARY ? new CopyBinaryEncoder() : new CopyTextEncoder();
        }
    }

    protected byte[] buffer = new byte[64 * 1024];
    protected int position;

    /** Bytes before the first row (the PGCOPY signature for binary; nothing for text). */
    public abstract void writeHeader();

    /** Bytes after the last row (the -1 field count for binary; nothing for text). */
    public abstract void writeTrailer();

    /** Starts a row of {@code columnCount} values. */
    public abstract void beginRow(int columnCount);

    /** Ends the current row. */
    public abstract void endRow();

    public abstract Format format();

    /** The encoded bytes are {@code array()[0 .. size())}. */
    public final byte[] array() {
        return buffer;
    }

    public final int size() {
        return position;
    }

    /** Forgets the encoded bytes (after they were sent), keeping the buffer. */
    public final void clear() {
        position = 0;
    }

    /** A copy of the encoded bytes, for tests. */
    public final byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    protected final void ensure(int extra) {
        int needed = position + extra;
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    protected final void put(byte b) {
        ensure(1);
        buffer[position++] = b;
    }

    protected final void putShort(int v) {
        ensure(2);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    protected final void putInt(int v) {
        ensure(4);
        buffer[position++] = (byte) (v >>> 24);
        buffer[position++] = (byte) (v >>> 16);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    protected final void putIntAt(int at, int v) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
    }

    protected final void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (v >>> shift);
        }
    }

    protected final void putAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    /**
     * Appends {@code s} as UTF-8; when {@code escapeForCopyText}, also applies COPY text escaping to
     * backslash, newline, carriage return and tab. Lone surrogates become U+FFFD, as Java's encoder does.
     */
    protected final void putUtf8(String s, boolean escapeForCopyText) {
        int length = s.length();
        ensure(length * 3 + 8);
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (escapeForCopyText) {
                    switch (c) {
                        case '\\' -> { buffer[position++] = '\\'; buffer[position++] = '\\'; continue; }
                        case '\n' -> { buffer[position++] = '\\'; buffer[position++] = 'n'; continue; }
                        case '\r' -> { buffer[position++] = '\\'; buffer[position++] = 'r'; continue; }
                        case '\t' -> { buffer[position++] = '\\'; buffer[position++] = 't'; continue; }
                        default -> { }
                    }
                }
                buffer[position++] = (byte) c;
            } else if (c < 0x800) {
                buffer[position++] = (byte) (0xC0 | (c >> 6));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buffer[position++] = (byte) (0xF0 | (cp >> 18));
                buffer[position++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[position++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                buffer[position++] = (byte) (0xE0 | (cp >> 12));
                buffer[position++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
    }
}
