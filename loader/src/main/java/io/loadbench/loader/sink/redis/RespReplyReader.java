package io.loadbench.loader.sink.redis;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RESP2 replies from a stream. {@link #read()} materialises a reply (for the few synchronous
 * commands of a handshake); {@link #skip()} consumes one reply without allocating and reports only
 * whether it, or anything nested in it, was an error (what a pipelined load needs). Confined to one
 * thread.
 *
 * <p>A reply that is not RESP, or is absurd, is rejected with a {@link ProtocolException} saying what was wrong,
 * never a hang or a {@link StackOverflowError}: arrays nest at most {@value #MAX_NESTING} deep (Redis's own
 * replies nest a few levels), a bulk string is at most 512 MB (Redis's {@code proto-max-bulk-len}), an array has at
 * most {@link Integer#MAX_VALUE} elements, an integer within 64 bits, a simple line at most
 * {@value #MAX_LINE_BYTES} bytes.
 */
public final class RespReplyReader {

    /** A {@code -ERR ...} reply, kept as a value so a caller can tell it from a simple string. */
    public record ErrorReply(String message) {
    }

    /** Deepest array nesting accepted; Redis replies (COMMAND, XREAD, CLUSTER SLOTS) nest well under 10. */
    static final int MAX_NESTING = 64;
    /** Longest simple string or error line accepted. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** Longest bulk string accepted: Redis's default proto-max-bulk-len. */
    static final long MAX_BULK_BYTES = 512L * 1024 * 1024;

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    public RespReplyReader(InputStream in, int bufferSizeBytes) {
        this.in = in;
        this.buffer = new byte[bufferSizeBytes];
    }

    /**
     * Reads one reply: a {@code String} (simple string), {@link ErrorReply}, {@code Long}, {@code byte[]}
     * or {@code null} (bulk string), or a {@code List<Object>} (array, {@code null} when nil).
     */
    public Object read() throws IOException {
        return read(0);
    }

    private Object read(int depth) throws IOException {
        byte type = next();
        switch (type) {
            case '+':
                return readLine();
            case '-':
                return new ErrorReply(readLine());
            case ':':
                return readLong();
            case '$': {
                long length = bulkLength();
                if (length < 0) {
                    return null;
                }
                if (length > Integer.MAX_VALUE - 8) {
                    throw new ProtocolException("RESP bulk string of " + length + " bytes is too large to read into memory");
                }
                byte[] bytes = new byte[(int) length];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = next();
                }
                expectCrlf();
                return bytes;
            }
            case '*': {
                long count = arrayCount(depth);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>((int) Math.min(count, 1024));
                for (long i = 0; i < count; i++) {
                    items.add(read(depth + 1));
                }
                return items;
            }
            default:
                throw new ProtocolException("not a RESP reply: unexpected type byte " + (type & 0xff));
        }
    }

    /** Consumes one reply; returns the first error message in it, or {@code null} when there is none. */
    public String skip() throws IOException {
        return skip(0);
    }

    private String skip(int depth) throws IOException {
        byte type = next();
        switch (type) {
            case '+':
                skipLine();
                return null;
            case '-':
                return readLine();
            case ':':
                skipLine();
                return null;
            case '$': {
                long length = bulkLength();
                if (length >= 0) {
                    skipBytes(length);
                    expectCrlf();
                }
                return null;
            }
            case '*': {
                long count = arrayCount(depth);
                String firstError = null;
                for (long i = 0; i < count; i++) {
                    String error = skip(depth + 1);
                    if (firstError == null) {
                        firstError = error;
                    }
                }
                return firstError;
            }
            default:
                throw new ProtocolException("not a RESP reply: unexpected type byte " + (type & 0xff));
        }
    }

    /** A bulk string's length: -1 (nil) or 0..{@link #MAX_BULK_BYTES}. */
    private long bulkLength() throws IOException {
        long length = readLong();
        if (length < -1 || length > MAX_BULK_BYTES) {
            throw new ProtocolException("RESP bulk string length " + length + " is out of range (-1 to " + MAX_BULK_BYTES + ")");
        }
        return length;
    }

    /** An array's element count: -1 (nil) or 0..Integer.MAX_VALUE, at a nesting depth within {@link #MAX_NESTING}. */
    private long arrayCount(int depth) throws IOException {
        if (depth >= MAX_NESTING) {
            throw new ProtocolException("RESP arrays nested deeper than " + MAX_NESTING + " levels");
        }
        long count = readLong();
        if (count < -1 || count > Integer.MAX_VALUE) {
            throw new ProtocolException("RESP array length " + count + " is out of range (-1 to " + Integer.MAX_VALUE + ")");
        }
        return count;
    }

    /** Whether bytes of further replies are already buffered (the next read will not block). */
    public boolean hasBuffered() {
        return position < limit;
    }

    private byte next() throws IOException {
        if (position == limit) {
            fill();
        }
        return buffer[position++];
    }

    private void fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        position = 0;
        limit = n;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        byte b;
        while ((b = next()) != '\r') {
            if (line.length() >= MAX_LINE_BYTES) {
                throw new ProtocolException("RESP line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.append((char) (b & 0xff));
        }
        if (next() != '\n') {
            throw new ProtocolException("malformed RESP line: CR not followed by LF");
        }
        // simple strings and errors are ASCII in practice; re-decode as UTF-8 to be safe
        return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private void skipLine() throws IOException {
        int length = 0;
        while (next() != '\r') {
            if (++length > MAX_LINE_BYTES) {
                throw new ProtocolException("RESP line longer than " + MAX_LINE_BYTES + " bytes");
            }
        }
        if (next() != '\n') {
            throw new ProtocolException("malformed RESP line: CR not followed by LF");
        }
    }

    private long readLong() throws IOException {
        long value = 0;
        boolean negative = false;
        byte b = next();
        if (b == '-') {
            negative = true;
            b = next();
        }
        int digits = 0;
        while (b != '\r') {
            if (b < '0' || b > '9') {
                throw new ProtocolException("malformed RESP integer: byte " + (b & 0xff));
            }
            if (++digits > 19) {
                throw new ProtocolException("RESP integer with more than 19 digits");
            }
            // accumulated as a negative number, whose range includes Long.MIN_VALUE
            try {
                value = Math.subtractExact(Math.multiplyExact(value, 10), b - '0');
            } catch (ArithmeticException e) {
                throw new ProtocolException("RESP integer out of the 64-bit range");
            }
            b = next();
        }
        if (digits == 0) {
            throw new ProtocolException("malformed RESP integer: no digits");
        }
        if (next() != '\n') {
            throw new ProtocolException("malformed RESP integer: CR not followed by LF");
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw new ProtocolException("RESP integer out of the 64-bit range");
        }
        return negative ? value : -value;
    }

    private void expectCrlf() throws IOException {
        if (next() != '\r' || next() != '\n') {
            throw new ProtocolException("malformed RESP bulk string: missing CRLF terminator");
        }
    }

    private void skipBytes(long count) throws IOException {
        while (count > 0) {
            if (position == limit) {
                fill();
            }
            int n = (int) Math.min(count, limit - position);
            position += n;
            count -= n;
        }
    }
}
