package io.loadbench.benchmarks.copy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Properties;
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
import org.postgresql.core.BaseConnection;

import io.loadbench.benchmarks.datasets.BenchmarkDatasets;
import io.loadbench.benchmarks.fork.ForkTarget;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.loader.spi.TableSpec;

/**
 * The baselines behind "COPY is 10-100x faster than INSERT": JDBC batched {@code INSERT ... VALUES (?, ...)}
 * of the same rows into the same kind of table, {@value #ROWS_PER_INVOCATION} rows per invocation in
 * batches of {@code rowsPerBatch} ({@code addBatch}, {@code executeBatch}, commit), with pgjdbc's
 * {@code reWriteBatchedInserts} off (one INSERT per row, pipelined) and on (multi-row INSERTs). One
 * concrete subclass per dataset, beside the dataset's COPY benchmark.
 *
 * <p>Score: rows/s, directly comparable with {@link CopyBenchmark} under one rule: <b>both exclude generation and
 * both include their own encoding</b>. The rows are generated once before the measurement ({@link RecordedRows});
 * every invocation binds them ({@link JdbcBinder}: the conversion to JDBC values and pgjdbc's encoding), as every COPY
 * invocation encodes them. The table is emptied before every invocation, so each one inserts into an empty table.
 *
 * <p>Sizing: INSERT is one to two orders of magnitude slower than COPY, so an invocation is
 * {@value #ROWS_PER_INVOCATION} rows (a fraction of a second) in batches of 1,000 (larger batches only hold more
 * parameters in memory: the rewrite setting is the axis that matters); five 1-second warm-up iterations (the
 * JIT and the server's caches), eight measured ones, two forks: about 30 s per combination.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
public abstract class InsertBenchmark {

    /** Rows per invocation: the largest batch size. */
    static final int ROWS_PER_INVOCATION = 10_000;

    @Param({"1000"})
    public int rowsPerBatch;

    @Param({"false", "true"})
    public boolean reWriteBatchedInserts;

    private Datastores datastores;
    private Connection schemaConnection;
    private BenchmarkSchema schema;
    private Connection connection;
    private PreparedStatement insert;
    private RecordedRows rows;
    private final JdbcBinder binder = new JdbcBinder();

    /** @return the registry name of the dataset whose main table this class loads */
    protected abstract String dataset();

    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        if (rowsPerBatch < 1 || ROWS_PER_INVOCATION % rowsPerBatch != 0) {
            throw new IllegalArgumentException("rowsPerBatch must divide " + ROWS_PER_INVOCATION + "; got " + rowsPerBatch);
        }
        TableSpec table = BenchmarkDatasets.mainTable(BenchmarkDatasets.create(dataset()));
        rows = RecordedRows.record(table.newGenerator(), ROWS_PER_INVOCATION, table.columns().size());
        datastores = ForkTarget.open();
        schemaConnection = datastores.openPgConnection();
        schema = BenchmarkSchema.create(schemaConnection, table);
        connection = connect(datastores.postgres(), reWriteBatchedInserts);
        schema.use(connection);
        connection.setAutoCommit(false);
        String placeholders = String.join(", ", Collections.nCopies(table.columns().size(), "?"));
        insert = connection.prepareStatement(
                "INSERT INTO " + table.name() + " (" + table.copyColumnList() + ") VALUES (" + placeholders + ")");
    }

    /** A connection of its own, because {@code reWriteBatchedInserts} is fixed when a connection opens. */
    private static Connection connect(PostgresEndpoint endpoint, boolean reWriteBatchedInserts) throws SQLException {
        Properties properties = new Properties();
        if (endpoint.user() != null) {
            properties.setProperty("user", endpoint.user());
        }
        if (endpoint.password() != null) {
            properties.setProperty("password", endpoint.password());
        }
        properties.setProperty("reWriteBatchedInserts", Boolean.toString(reWriteBatchedInserts));
        properties.setProperty("ApplicationName", "loadbench-jmh-insert");
        Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), properties);
        boolean enabled = connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled();
        if (enabled != reWriteBatchedInserts) {
            connection.close();
            throw new IllegalStateException("pgjdbc has reWriteBatchedInserts=" + enabled + " where "
                    + reWriteBatchedInserts + " was asked for");
        }
        return connection;
    }

    @Setup(Level.Invocation)
    public void emptyTable() throws SQLException {
        schema.truncate();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS_PER_INVOCATION)
    public long insertBatches() throws SQLException {
        long inserted = 0;
        for (int first = 0; first < ROWS_PER_INVOCATION; first += rowsPerBatch) {
            for (int row = first; row < first + rowsPerBatch; row++) {
                binder.bindTo(insert);
                rows.replay(row, binder);
                insert.addBatch();
            }
            inserted += insert.executeBatch().length;
            connection.commit();
        }
        return inserted;
    }

    @TearDown(Level.Trial)
    public void dropTable() throws SQLException {
        try (Datastores closingTarget = datastores; Connection closingSchemaConnection = schemaConnection;
                BenchmarkSchema closingSchema = schema; Connection closingConnection = connection;
                PreparedStatement closingInsert = insert) {
            rows = null;
        }
    }
}
