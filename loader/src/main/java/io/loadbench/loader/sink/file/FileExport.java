package io.loadbench.loader.sink.file;

import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;

import java.io.BufferedOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
 * Streams a table's rows into one file: CSV, NDJSON or {@code _bulk} NDJSON, optionally gzipped, on one or
 * more threads. Rows are written through 64 KB buffers, so memory does not grow with the row count. The file
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

    /** Writes the file on one thread; {@code progress} receives the rows written so far. */
    public static Result write(Spec spec, LongConsumer progress) {
        return write(spec, 1, progress);
    }

    /**
     * Writes the file with {@code workers} threads: each generates a contiguous range of rows into its own
     * part (a complete gzip member when gzipping), and the parts are concatenated in order. A multi-member
     * gzip file is standard (RFC 1952 section 2.2; {@code gunzip} and {@link java.util.zip.GZIPInputStream}
     * read it whole), and the decompressed bytes are identical to a one-thread export. {@code progress}
     * receives the rows written so far (thread-safe sum).
     */
    public static Result write(Spec spec, int workers, LongConsumer progress) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        Path target = spec.file().toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        long rows = spec.table().rowCount();
        int parts = (int) Math.max(1, Math.min(workers, rows / 10_000 + 1));
        List<Path> partFiles = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partFiles.add(target.resolveSibling(target.getFileName() + ".part" + p));
        }
        AtomicLong done = new AtomicLong();
        LongConsumer shared = delta -> progress.accept(done.addAndGet(delta));
        ExecutorService pool = Executors.newFixedThreadPool(parts, runnable -> {
            Thread thread = new Thread(runnable, "file-export-" + target.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Files.createDirectories(target.getParent());
            List<Future<Long>> results = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                long from = rows * p / parts;
                long to = rows * (p + 1) / parts;
                Path file = partFiles.get(p);
                boolean header = p == 0;
                results.add(pool.submit(() -> writePart(spec, file, from, to, header, shared)));
            }
            long uncompressed = 0;
            for (Future<Long> result : results) {
                uncompressed += result.get();
            }
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (Path part : partFiles) {
                    try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                        long size = in.size();
                        for (long position = 0; position < size; ) {
                            position += in.transferTo(position, size - position, out);
                        }
                    }
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.accept(rows);
            return new Result(rows, uncompressed, Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + target, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException("cannot write " + target + ": " + io.getMessage(), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("writing " + target + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
            for (Path part : partFiles) {
                deleteQuietly(part);
            }
            deleteQuietly(partial);
        }
    }

    /** Writes rows {@code [from, to)} into one part; returns its uncompressed size. */
    private static long writePart(Spec spec, Path file, long from, long to, boolean header, LongConsumer progress)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file)) {
            CountingOutputStream counted = new CountingOutputStream(spec.gzip()
                    ? new GZIPOutputStream(new BufferedOutputStream(raw, BUFFER_BYTES), BUFFER_BYTES)
                    : raw);
            try (Writer writer = new OutputStreamWriter(new BufferedOutputStream(counted, BUFFER_BYTES), StandardCharsets.UTF_8)) {
                RowGenerator generator = spec.table().newGenerator();
                long reported = from;
                switch (spec.format()) {
                    case CSV -> {
                        CsvRowWriter csv = new CsvRowWriter(writer, spec.table().columns(), header);
                        for (long row = from; row < to; row++) {
                            generator.generate(row, csv);
                            csv.endRow();
                            if ((row + 1 - reported) == PROGRESS_EVERY_ROWS) {
                                progress.accept(PROGRESS_EVERY_ROWS);
                                reported = row + 1;
                            }
                        }
                    }
                    case NDJSON, BULK -> {
                        NdjsonRowWriter json = new NdjsonRowWriter(writer, spec.table().columns(), spec.renames(),
                                spec.format() == FileFormat.BULK ? spec.bulkIndex() : null, spec.idColumn());
                        for (long row = from; row < to; row++) {
                            generator.generate(row, json);
                            json.endRow();
                            if ((row + 1 - reported) == PROGRESS_EVERY_ROWS) {
                                progress.accept(PROGRESS_EVERY_ROWS);
                                reported = row + 1;
                            }
                        }
                    }
                }
                progress.accept(to - reported);
            }
            return counted.count;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the export's own outcome is what is reported
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
