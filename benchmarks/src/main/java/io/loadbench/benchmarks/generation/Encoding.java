package io.loadbench.benchmarks.generation;

import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;

/** The wire formats a generated row is encoded into, each by the encoder a load actually uses. */
public enum Encoding {
    /** PostgreSQL {@code COPY ... (FORMAT binary)}: the loader's default. */
    COPY_BINARY(CopyEncoder.Format.BINARY),
    /** PostgreSQL {@code COPY ... (FORMAT text)}. */
    COPY_TEXT(CopyEncoder.Format.TEXT);

    private final CopyEncoder.Format copyFormat;

    Encoding(CopyEncoder.Format copyFormat) {
        this.copyFormat = copyFormat;
    }

    /** @return a new, single-threaded encoder for rows of {@code table} */
    RowEncoder newEncoder(TableSpec table) {
        CopyEncoder encoder = copyFormat.newEncoder();
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
}
