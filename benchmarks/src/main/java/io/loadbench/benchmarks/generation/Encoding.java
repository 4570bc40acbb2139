package io.loadbench.benchmarks.generation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.sink.file.NdjsonRowWriter;
import io.loadbench.loader.sink.redis.RespEncoder;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;

/**
 * The wire formats a generated row is encoded into, each with the project's own encoder for that format.
 * Encoded bytes stay in memory (a reusable buffer, or a counter for RESP, whose encoder drains full
 * buffers): the benchmark measures making the bytes, not sending them.
 */
public enum Encoding {
    /** PostgreSQL {@code COPY ... (FORMAT binary)}: the loader's default. */
    COPY_BINARY {
        @Override
        RowEncoder newEncoder(TableSpec table) {
            return copy(CopyEncoder.Format.BINARY.newEncoder(), table);
        }
    },
    /** PostgreSQL {@code COPY ... (FORMAT text)}. */
    COPY_TEXT {
        @Override
        RowEncoder newEncoder(TableSpec table) {
            return copy(CopyEncoder.Format.TEXT.newEncoder(), table);
        }
    },
    /** Newline-delimited JSON, one document per row (the file export, and OpenSearch {@code _bulk} bodies). */
    NDJSON {
        @Override
        RowEncoder newEncoder(TableSpec table) {
            ReusableBytes bytes = new ReusableBytes();
            Writer utf8 = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            NdjsonRowWriter writer = new NdjsonRowWriter(utf8, table.columns(), Map.of(), null, null);
            return new RowEncoder() {
                @Override
                public void encode(RowGenerator generator, long rowIndex) {
                    generator.generate(rowIndex, writer);
                    writer.endRow();
                }

                @Override
                public int size() {
                    try {
                        utf8.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return bytes.size();
                }

                @Override
                public void clear() {
                    size();
                    bytes.reset();
                }
            };
        }
    },
    /** RESP, the Redis protocol: each row as the {@code HSET <table>:<row> column value ...} that caches it. */
    RESP {
        @Override
        RowEncoder newEncoder(TableSpec table) {
            RespEncoder resp = new RespEncoder(RESP_BUFFER_BYTES) {
                @Override
                protected void drain(byte[] bytes, int length) {
                    // a pipeline would write these bytes to the socket here; the benchmark only counts them
                }
            };
            RespHashRowWriter writer = new RespHashRowWriter(resp, table.name(), table.columns());
            return new RowEncoder() {
                private long bytesAtClear;

                @Override
                public void encode(RowGenerator generator, long rowIndex) {
                    writer.startRow(rowIndex);
                    generator.generate(rowIndex, writer);
                }

                @Override
                public int size() {
                    return Math.toIntExact(resp.bytesEncoded() - bytesAtClear);
                }

                @Override
                public void clear() {
                    bytesAtClear = resp.bytesEncoded();
                }
            };
        }
    };

    /** The RESP send buffer: the size a Redis pipeline writer typically flushes at. */
    static final int RESP_BUFFER_BYTES = 64 * 1024;

    /** @return a new, single-threaded encoder for rows of {@code table} */
    abstract RowEncoder newEncoder(TableSpec table);

    private static RowEncoder copy(CopyEncoder encoder, TableSpec table) {
        int columns = table.columns().size();
        return new RowEncoder() {
            @Override
            public void encode(RowGenerator generator, long rowIndex) {
                encoder.beginRow(columns);
                generator.generate(rowIndex, encoder);
                encoder.endRow();
            }

            @Override
            public int size() {
                return encoder.size();
            }

            @Override
            public void clear() {
                encoder.clear();
            }
        };
    }

    /** Encodes whole rows into a reusable buffer. */
    interface RowEncoder {
        /** Appends row {@code rowIndex}, framed as the format requires. */
        void encode(RowGenerator generator, long rowIndex);

        /** @return bytes encoded since the last {@link #clear()} */
        int size();

        /** Forgets the encoded bytes, keeping the buffer. */
        void clear();
    }

    /** A byte buffer that is reset, not reallocated, between batches. */
    private static final class ReusableBytes extends ByteArrayOutputStream {
        ReusableBytes() {
            super(256 * 1024);
        }
    }
}
