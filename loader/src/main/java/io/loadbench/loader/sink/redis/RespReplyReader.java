package io.loadbench.loader.sink.redis;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RESP2 replies from a stream. {@link #read()} materialises a reply (for the few synchronous
 * commands of a handshake); {@link #skip()} consumes one reply without allocating and reports only
 * whether it, or anything nested in it, was an error (what a pipelined load needs). Confined to one
 * thread.
 */
public final class RespReplyReader {

    /** A {@code -ERR ...} reply, kept as a value so a caller can tell it from a simple string. */
    public record ErrorReply(String message) {
    }

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
        byte type = next();
        switch (type) {
            case '+':
                return readLine();
            case '-':
                return new ErrorReply(readLine());
            case ':':
                return readLong();
            case '$': {
                long length = readLong();
                if (length < 0) {
                    return null;
                }
                byte[] bytes = new byte[Math.toIntExact(length)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = next();
                }
                expectCrlf();
                return bytes;
            }
            case '*': {
                long count = readLong();
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>();
                for (long i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("not a RESP reply: unexpected type byte " + (type & 0xff));
        }
    }

    /** Consumes one reply; returns the first error message in it, or {@code null} when there is none. */
    public String skip() throws IOException {
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
                long length = readLong();
                if (length >= 0) {
                    skipBytes(length + 2);
                }
                return null;
            }
            case '*': {
                long count = readLong();
                String firstError = null;
                for (long i = 0; i < count; i++) {
                    String error = skip();
                    if (firstError == null) {
                        firstError = error;
                    }
                }
                return firstError;
            }
            default:
                throw new IOException("not a RESP reply: unexpected type byte " + (type & 0xff));
        }
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
            line.append((char) (b & 0xff));
        }
        if (next() != '\n') {
            throw new IOException("malformed RESP line: CR not followed by LF");
        }
        // simple strings and errors are ASCII in practice; re-decode as UTF-8 to be safe
        return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private void skipLine() throws IOException {
        while (next() != '\r') {
            // skip
        }
        if (next() != '\n') {
            throw new IOException("malformed RESP line: CR not followed by LF");
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
        while (b != '\r') {
            if (b < '0' || b > '9') {
                throw new IOException("malformed RESP integer: byte " + (b & 0xff));
            }
            value = value * 10 + (b - '0');
            b = next();
        }
        if (next() != '\n') {
            throw new IOException("malformed RESP integer: CR not followed by LF");
        }
        return negative ? -value : value;
    }

    private void expectCrlf() throws IOException {
        if (next() != '\r' || next() != '\n') {
            throw new IOException("malformed RESP bulk string: missing CRLF terminator");
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
