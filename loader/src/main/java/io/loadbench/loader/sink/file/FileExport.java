package io.loadbench.loader.sink.file;

import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * Streams a table's rows into one file: CSV, NDJSON or {@code _bulk} NDJSON, optionally gzipped. Rows are
 * generated in order and written through a 64 KB buffer, so memory does not grow with the row count. The file
 * is written under a temporary name and renamed at the end: a reader never sees a half-written file, and an
 * interrupted export is redone from the start by running it again (generation is deterministic, so the
 * result is byte-identical).
 */
public final class FileExport {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int PROGRESS_EVERY_ROWS = 10_000;

    /**
     * What to export.
     *
     * @param table     the table whose generator produces the rows
     * @param format    file format
     * @param file      destination; {@code .gz} is not appended automatically
     * @param gzip      whether to gzip the stream
     * @param renames   column to JSON field renames (NDJSON and bulk)
     * @param bulkIndex index name of the {@code _bulk} action lines (bulk only)
     * @param idColumn  column whose value becomes {@code _id} (bulk only; null for none)
     */
    public record Spec(TableSpec table, FileFormat format, Path file, boolean gzip, Map<String, String> renames,
                       String bulkIndex, String idColumn) {

        public Spec {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(file, "file");
            renames = Map.copyOf(renames);
            if (format == FileFormat.BULK && bulkIndex == null) {
                throw new IllegalArgumentException("a _bulk export needs an index name");
            }
        }
    }

    /** What an export wrote: rows, bytes before compression, bytes on disk. */
    public record Result(long rows, long uncompressedBytes, long fileBytes) {
    }

    private FileExport() {
    }

    /** Writes the file; {@code progress} receives the rows written so far. */
    public static Result write(Spec spec, LongConsumer progress) {
        Path target = spec.file().toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        long rows = spec.table().rowCount();
        CountingOutputStream counted;
        try {
            Files.createDirectories(target.getParent());
            OutputStream file = Files.newOutputStream(partial);
            try {
                counted = new CountingOutputStream(spec.gzip()
                        ? new GZIPOutputStream(new BufferedOutputStream(file, BUFFER_BYTES), BUFFER_BYTES)
                        : file);
                try (Writer writer = new OutputStreamWriter(new BufferedOutputStream(counted, BUFFER_BYTES), StandardCharsets.UTF_8)) {
                    RowGenerator generator = spec.table().newGenerator();
                    switch (spec.format()) {
                        case CSV -> {
                            CsvRowWriter csv = new CsvRowWriter(writer, spec.table().columns());
                            for (long row = 0; row < rows; row++) {
                                generator.generate(row, csv);
                                csv.endRow();
                                report(progress, row);
                            }
                        }
                        case NDJSON, BULK -> {
                            NdjsonRowWriter json = new NdjsonRowWriter(writer, spec.table().columns(), spec.renames(),
                                    spec.format() == FileFormat.BULK ? spec.bulkIndex() : null, spec.idColumn());
                            for (long row = 0; row < rows; row++) {
                                generator.generate(row, json);
                                json.endRow();
                                report(progress, row);
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                file.close();
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.accept(rows);
            return new Result(rows, counted.count, Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes a small text file (an index mapping) atomically. */
    public static void writeText(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void report(LongConsumer progress, long row) {
        if ((row + 1) % PROGRESS_EVERY_ROWS == 0) {
            progress.accept(row + 1);
        }
    }

    /** Counts the bytes that go through it, i.e. the uncompressed size when it sits above a gzip stream. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
