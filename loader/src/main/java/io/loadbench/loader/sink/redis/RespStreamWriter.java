package io.loadbench.loader.sink.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes encoded commands to a stream instead of a server: the file it produces is exactly what
 * {@code redis-cli --pipe} reads, so a fill can be replayed or compared with redis-cli byte for byte.
 * Does not close the stream it was given. Confined to one thread.
 */
public final class RespStreamWriter extends RespEncoder implements AutoCloseable {

    private final OutputStream out;

    public RespStreamWriter(OutputStream out) {
        super(64 * 1024);
        this.out = out;
    }

    @Override
    protected void drain(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write RESP commands: " + e.getMessage(), e);
        }
    }

    /** Writes what is buffered and flushes the stream. */
    @Override
    public void close() {
        drainBuffered();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush RESP commands: " + e.getMessage(), e);
        }
    }
}
