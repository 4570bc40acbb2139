package io.loadbench.benchmarks.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
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
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;

/**
 * COPY throughput per batch size: {@value #ROWS_PER_INVOCATION} rows per invocation, loaded in batches of
 * {@code rowsPerBatch} rows, each batch one {@code COPY ... FROM STDIN} in its own transaction, as the
 * loader does. Binary and text; one concrete subclass per dataset ({@code EventsCopyBenchmark}, ...), so a
 * regexp selects a dataset.
 *
 * <p>Score: rows/s. The rows are the dataset's first {@value #ROWS_PER_INVOCATION} rows, encoded once
 * before the measurement and streamed in {@value #CHUNK_BYTES}-byte writes; the table is truncated before
 * every iteration. A batch the server acknowledges with a different row count fails the benchmark.
 *
 * <p>Sizing: an invocation (half a million rows) takes one to a few seconds, and JMH always finishes the
 * invocation it started, so with 2-second iterations an iteration is usually exactly one invocation, timed
 * whole, into a freshly emptied table. One warm-up iteration warms the JIT and the server's caches; five
 * measured iterations give a usable error; one fork. About 20 s per combination, so the 10 combinations
 * of a dataset take about 3.5 minutes on a 2-core machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class CopyBenchmark {

    /** Rows per invocation: the largest batch size, so every batch size loads whole batches. */
    static final int ROWS_PER_INVOCATION = 500_000;
    /** Bytes per write to the COPY stream: the order of a loader's send buffer. */
    static final int CHUNK_BYTES = 256 * 1024;

    @Param({"BINARY", "TEXT"})
    public CopyEncoder.Format format;

    @Param({"1000", "10000", "50000", "100000", "500000"})
    public int rowsPerBatch;

    private Datastores datastores;
    private Connection connection;
    private BenchmarkSchema schema;
    private CopyManager copyManager;
    private String copySql;
    private byte[] header;
    private byte[] trailer;
    private byte[] encodedRows;
    /** {@code rowEnd[i]} is the offset just past row {@code i} in {@link #encodedRows}; {@code rowEnd[-1]} is 0. */
    private int[] rowEnd;

    /** @return the registry name of the dataset whose main table this class loads */
    protected abstract String dataset();

    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        if (rowsPerBatch < 1 || ROWS_PER_INVOCATION % rowsPerBatch != 0) {
            throw new IllegalArgumentException("rowsPerBatch must divide " + ROWS_PER_INVOCATION + "; got " + rowsPerBatch);
        }
        TableSpec table = BenchmarkDatasets.mainTable(BenchmarkDatasets.create(dataset()));
        encode(table);
        datastores = ForkTarget.open();
        connection = datastores.openPgConnection();
        schema = BenchmarkSchema.create(connection, table);
        connection.setAutoCommit(false);
        copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        copySql = "COPY " + table.name() + " (" + table.copyColumnList() + ") FROM STDIN " + format.copyOptions();
    }

    private void encode(TableSpec table) {
        CopyEncoder encoder = format.newEncoder();
        encoder.writeHeader();
        header = encoder.toByteArray();
        encoder.clear();
        encoder.writeTrailer();
        trailer = encoder.toByteArray();
        encoder.clear();

        int columns = table.columns().size();
        RowGenerator generator = table.newGenerator();
        rowEnd = new int[ROWS_PER_INVOCATION];
        for (int row = 0; row < ROWS_PER_INVOCATION; row++) {
            encoder.beginRow(columns);
            generator.generate(row, encoder);
            encoder.endRow();
            rowEnd[row] = encoder.size();
        }
        encodedRows = Arrays.copyOf(encoder.array(), encoder.size());
    }

    @Setup(Level.Iteration)
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
            copy.writeToCopy(header, 0, header.length);
            int from = firstRow == 0 ? 0 : rowEnd[firstRow - 1];
            int to = rowEnd[endRow - 1];
            for (int offset = from; offset < to; offset += CHUNK_BYTES) {
                copy.writeToCopy(encodedRows, offset, Math.min(CHUNK_BYTES, to - offset));
            }
            copy.writeToCopy(trailer, 0, trailer.length);
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
            encodedRows = null;
        }
    }
}
