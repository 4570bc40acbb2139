package io.loadbench.benchmarks;

import io.loadbench.results.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes text through to another stream one whole line at a time, each line masked by {@link Secrets#maskUrl}.
 * JMH prints every fork's command ({@code # VM options: -Dloadbench.pg.url=…password=…}) to its output, and the
 * suite cannot change what JMH prints, only where it goes. A partial line waits for its end (or {@link #close()}),
 * so a password is never split across two writes and left half unmasked.
 */
final class MaskingOutputStream extends OutputStream {

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    MaskingOutputStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emitLine();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Flushes the lines already passed on; a partial line stays until it ends. */
    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            emitLine();
        }
        target.flush();
    }

    private void emitLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(Secrets.maskUrl(text).getBytes(StandardCharsets.UTF_8));
    }
}
