package io.loadbench.benchmarks.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import io.loadbench.benchmarks.datasets.BenchmarkDatasets;
import io.loadbench.benchmarks.fork.ForkTarget;
import io.loadbench.datastores.Datastores;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.spi.TableSpec;

/**
 * COPY throughput per batch size: {@value #ROWS_PER_INVOCATION} rows per invocation, loaded in batches of
 * {@code rowsPerBatch} rows, each batch one {@code COPY ... FROM STDIN} in its own transaction, as the
 * loader does. Binary and text; one concrete subclass per dataset ({@code EventsCopyBenchmark}, ...), so a
 * regexp selects a dataset.
 *
 * <p>Score: rows/s, comparable with {@link InsertBenchmark} under one rule: <b>both exclude generation and both
 * include their own encoding</b>. The rows (the dataset's first {@value #ROWS_PER_INVOCATION}) are generated once
 * before the measurement ({@link RecordedRows}); every invocation encodes them with the loader's COPY encoder and
 * streams the bytes in {@value #CHUNK_BYTES}-byte writes, as a load's worker does. The table is emptied before every
 * invocation (JMH's {@code Level.Invocation} setup, outside the timing), so every invocation loads into the same
 * empty table. A batch the server acknowledges with a different row count fails the benchmark.
 *
 * <p>Sizing: an invocation takes a tenth to a few tenths of a second, so a 1-second iteration holds several; five
 * warm-up iterations (scores still climbed through the first two or three: the JIT, the server's caches), eight
 * measured ones, two forks (a fork's JIT decisions are one sample, not eight). Batch sizes 1K, 10K and 100K (the
 * curve is flat above 100K and the loader's default is 50K). About 30 s per combination.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
public abstract class CopyBenchmark {

    /** Rows per invocation: the largest batch size, so every batch size loads whole batches. */
    static final int ROWS_PER_INVOCATION = 100_000;
    /** Bytes per write to the COPY stream: the order of a loader's send buffer. */
    static final int CHUNK_BYTES = 256 * 1024;

    @Param({"BINARY", "TEXT"})
    public CopyEncoder.Format format;

    @Param({"1000", "10000", "100000"})
    public int rowsPerBatch;

    private Datastores datastores;
    private Connection connection;
    private BenchmarkSchema schema;
    private CopyManager copyManager;
    private String copySql;
    private CopyEncoder encoder;
    private int columns;
    private RecordedRows rows;

    /** @return the registry name of the dataset whose main table this class loads */
    protected abstract String dataset();

    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        if (rowsPerBatch < 1 || ROWS_PER_INVOCATION % rowsPerBatch != 0) {
            throw new IllegalArgumentException("rowsPerBatch must divide " + ROWS_PER_INVOCATION + "; got " + rowsPerBatch);
        }
        TableSpec table = BenchmarkDatasets.mainTable(BenchmarkDatasets.create(dataset()));
        columns = table.columns().size();
        rows = RecordedRows.record(table.newGenerator(), ROWS_PER_INVOCATION, columns);
        encoder = format.newEncoder();
        datastores = ForkTarget.open();
        connection = datastores.openPgConnection();
        schema = BenchmarkSchema.create(connection, table);
        connection.setAutoCommit(false);
        copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        copySql = "COPY " + table.name() + " (" + table.copyColumnList() + ") FROM STDIN " + format.copyOptions();
    }

    @Setup(Level.Invocation)
    public void emptyTable() throws SQLException {
        schema.truncate();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS_PER_INVOCATION)
    public long copy() throws SQLException {
        long rowsCopied = 0;
        for (int first = 0; first < ROWS_PER_INVOCATION; first += rowsPerBatch) {
            rowsCopied += copyBatch(first, first + rowsPerBatch);
        }
        return rowsCopied;
    }

    private long copyBatch(int firstRow, int endRow) throws SQLException {
        CopyIn copy = copyManager.copyIn(copySql);
        try {
            encoder.clear();
            encoder.writeHeader();
            for (int row = firstRow; row < endRow; row++) {
                encoder.beginRow(columns);
                rows.replay(row, encoder);
                encoder.endRow();
                if (encoder.size() >= CHUNK_BYTES) {
                    copy.writeToCopy(encoder.array(), 0, encoder.size());
                    encoder.clear();
                }
            }
            encoder.writeTrailer();
            copy.writeToCopy(encoder.array(), 0, encoder.size());
            encoder.clear();
            long copied = copy.endCopy();
            connection.commit();
            if (copied != endRow - firstRow) {
                throw new IllegalStateException("COPY reported " + copied + " rows for a batch of " + (endRow - firstRow));
            }
            return copied;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
                connection.rollback();
            }
        }
    }

    @TearDown(Level.Trial)
    public void dropTable() throws SQLException {
        try (Datastores closingTarget = datastores; Connection closingConnection = connection;
                BenchmarkSchema closingSchema = schema) {
            rows = null;
        }
    }
}
