package io.loadbench.loader.sink.redis;

import java.nio.charset.StandardCharsets;

/**
 * Encodes commands into RESP (the Redis serialization protocol) in a reusable byte buffer and hands
 * full buffers to {@link #drain(byte[], int)}: {@code *<n>\r\n} followed by {@code $<len>\r\n<bytes>\r\n}
 * per argument, which is exactly what {@code redis-cli --pipe} and every Redis client send.
 *
 * <p>ASCII text and integers are written straight into the buffer, so a typical key/value command
 * allocates nothing; this is the loader's hot path (a Redis fill must keep up with {@code redis-cli --pipe},
 * which does no work but reading a file). Confined to one thread.
 */
public abstract class RespEncoder implements RedisCommandWriter {

    /** Room for a type byte, a 20-digit length and CRLF. */
    private static final int HEADER_BYTES = 24;

    private final byte[] buffer;
    private final byte[] digits = new byte[20];
    private int position;
    private long drainedBytes;
    private int argumentsExpected = -1;
    private int argumentsGiven;
    private long commandsEncoded;

    protected RespEncoder(int bufferSizeBytes) {
        if (bufferSizeBytes < 1024) {
            throw new IllegalArgumentException("bufferSizeBytes must be at least 1024, was " + bufferSizeBytes);
        }
        this.buffer = new byte[bufferSizeBytes];
    }

    /** Receives {@code length} encoded bytes; the buffer is reused after this returns. */
    protected abstract void drain(byte[] bytes, int length);

    /** Called after each complete command, once its bytes are in the buffer. */
    protected void commandEnded(long commandNumber) {
    }

    @Override
    public final RedisCommandWriter begin(int argumentCount) {
        if (argumentsExpected >= 0) {
            throw new IllegalStateException("begin() called before the previous command ended");
        }
        if (argumentCount < 1) {
            throw new IllegalArgumentException("a command has at least one argument, got " + argumentCount);
        }
        argumentsExpected = argumentCount;
        argumentsGiven = 0;
        ensure(HEADER_BYTES);
        header((byte) '*', argumentCount);
        return this;
    }

    @Override
    public final RedisCommandWriter arg(CharSequence text) {
        int length = text.length();
        if (length > buffer.length - 2 * HEADER_BYTES) {
            return arg(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        countArgument();
        ensure(length + HEADER_BYTES);
        int start = position;
        header((byte) '$', length);
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // not ASCII: the byte length differs from the char count; start this argument again as UTF-8
                position = start;
                argumentsGiven--;
                return arg(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            b[p++] = (byte) c;
        }
        b[p++] = '\r';
        b[p++] = '\n';
        position = p;
        return this;
    }

    @Override
    public final RedisCommandWriter arg(long value) {
        countArgument();
        ensure(2 * HEADER_BYTES);
        // the header formats its length in the same scratch array, so the value is formatted again after it
        int length = digits.length - formatDecimal(value);
        header((byte) '$', length);
        int start = formatDecimal(value);
        System.arraycopy(digits, start, buffer, position, length);
        position += length;
        buffer[position++] = '\r';
        buffer[position++] = '\n';
        return this;
    }

    @Override
    public final RedisCommandWriter arg(byte[] bytes) {
        return arg(bytes, 0, bytes.length);
    }

    /** Appends {@code length} bytes of {@code bytes} from {@code offset} as one binary-safe argument. */
    public final RedisCommandWriter arg(byte[] bytes, int offset, int length) {
        countArgument();
        ensure(HEADER_BYTES);
        header((byte) '$', length);
        put(bytes, offset, length);
        ensure(2);
        buffer[position++] = '\r';
        buffer[position++] = '\n';
        return this;
    }

    @Override
    public final void end() {
        if (argumentsGiven != argumentsExpected) {
            throw new IllegalStateException("command announced " + argumentsExpected + " arguments but got "
                    + argumentsGiven);
        }
        argumentsExpected = -1;
        commandsEncoded++;
        commandEnded(commandsEncoded);
    }

    /** Hands whatever is buffered to {@link #drain(byte[], int)}. */
    protected final void drainBuffered() {
        if (position > 0) {
            int length = position;
            position = 0;
            drainedBytes += length;
            drain(buffer, length);
        }
    }

    /** Commands completely encoded so far. */
    public final long commandsEncoded() {
        return commandsEncoded;
    }

    /** RESP bytes produced so far (buffered or drained). */
    public final long bytesEncoded() {
        return drainedBytes + position;
    }

    private void countArgument() {
        if (argumentsExpected < 0) {
            throw new IllegalStateException("arg() called outside begin()/end()");
        }
        if (++argumentsGiven > argumentsExpected) {
            throw new IllegalStateException("command announced " + argumentsExpected + " arguments but got more");
        }
    }

    /** Makes room for {@code bytes} contiguous bytes (at most the buffer size). */
    private void ensure(int bytes) {
        if (buffer.length - position < bytes) {
            drainBuffered();
        }
    }

    /** {@code <type><decimal>\r\n}; the caller has ensured room. */
    private void header(byte type, long value) {
        buffer[position++] = type;
        int start = formatDecimal(value);
        int length = digits.length - start;
        System.arraycopy(digits, start, buffer, position, length);
        position += length;
        buffer[position++] = '\r';
        buffer[position++] = '\n';
    }

    /** Formats into the end of {@link #digits}; returns the first used index. Locale plays no part. */
    private int formatDecimal(long value) {
        int i = digits.length;
        if (value == Long.MIN_VALUE) {
            byte[] min = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            // Long.MIN_VALUE has exactly 20 characters, the size of the scratch array
            System.arraycopy(min, 0, digits, 0, min.length);
            return 0;
        }
        boolean negative = value < 0;
        long remaining = negative ? -value : value;
        do {
            digits[--i] = (byte) ('0' + remaining % 10);
            remaining /= 10;
        } while (remaining != 0);
        if (negative) {
            digits[--i] = '-';
        }
        return i;
    }

    private void put(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (position == buffer.length) {
                drainBuffered();
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(bytes, offset, buffer, position, n);
            position += n;
            offset += n;
            length -= n;
        }
    }
}
