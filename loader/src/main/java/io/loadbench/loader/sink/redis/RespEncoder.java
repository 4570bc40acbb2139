package io.loadbench.loader.sink.redis;

import java.nio.charset.StandardCharsets;

/**
 * Encodes commands into RESP (the Redis serialization protocol) in a reusable byte buffer and hands
 * full buffers to {@link #drain(byte[], int)}: {@code *<n>\r\n} followed by {@code $<len>\r\n<bytes>\r\n}
 * per argument, which is exactly what {@code redis-cli --pipe} and every Redis client send.
 *
 * <p>ASCII text and integers are written straight into the buffer, so a typical key/value command
 * allocates nothing. Confined to one thread.
 */
public abstract class RespEncoder implements RedisCommandWriter {

    private static final byte[] CRLF = {'\r', '\n'};

    private final byte[] buffer;
    private final byte[] digits = new byte[20];
    private int position;
    private int argumentsExpected = -1;
    private int argumentsGiven;
    private long commandsEncoded;
    private long bytesEncoded;

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
        put((byte) '*');
        putDecimal(argumentCount);
        put(CRLF, 0, 2);
        return this;
    }

    @Override
    public final RedisCommandWriter arg(CharSequence text) {
        int length = text.length();
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (!ascii) {
            return arg(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        startArgument(length);
        for (int i = 0; i < length; i++) {
            put((byte) text.charAt(i));
        }
        put(CRLF, 0, 2);
        return this;
    }

    @Override
    public final RedisCommandWriter arg(long value) {
        // the header's own length is formatted in the same scratch array, so format the value after it
        startArgument(digits.length - formatDecimal(value));
        int start = formatDecimal(value);
        put(digits, start, digits.length - start);
        put(CRLF, 0, 2);
        return this;
    }

    @Override
    public final RedisCommandWriter arg(byte[] bytes) {
        startArgument(bytes.length);
        put(bytes, 0, bytes.length);
        put(CRLF, 0, 2);
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
            drain(buffer, position);
            position = 0;
        }
    }

    /** Commands completely encoded so far. */
    public final long commandsEncoded() {
        return commandsEncoded;
    }

    /** RESP bytes produced so far (buffered or drained). */
    public final long bytesEncoded() {
        return bytesEncoded;
    }

    private void startArgument(int length) {
        if (argumentsExpected < 0) {
            throw new IllegalStateException("arg() called outside begin()/end()");
        }
        if (++argumentsGiven > argumentsExpected) {
            throw new IllegalStateException("command announced " + argumentsExpected + " arguments but got more");
        }
        put((byte) '$');
        putDecimal(length);
        put(CRLF, 0, 2);
    }

    private void putDecimal(long value) {
        int start = formatDecimal(value);
        put(digits, start, digits.length - start);
    }

    /** Formats into the end of {@link #digits}; returns the first used index. Locale plays no part. */
    private int formatDecimal(long value) {
        int i = digits.length;
        if (value == Long.MIN_VALUE) {
            byte[] min = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(min, 0, digits, 0, min.length);
            // Long.MIN_VALUE has exactly 20 characters, the size of the scratch array
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

    private void put(byte b) {
        if (position == buffer.length) {
            drainBuffered();
        }
        buffer[position++] = b;
        bytesEncoded++;
    }

    private void put(byte[] bytes, int offset, int length) {
        bytesEncoded += length;
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
