package io.loadbench.loader.sink.postgres;

import io.loadbench.datastores.ClientTimeouts;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.results.shard.Shard;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads one table with COPY on N parallel workers, one transaction per batch, recording each batch in
 * {@link ProgressTable#PROGRESS} in the same transaction.
 *
 * <p>Batch {@code b} holds rows {@code [b × batchSize, min((b + 1) × batchSize, rowCount))}. Batches already
 * recorded under the load id are skipped, so a resumed load continues where the last one stopped and no row
 * is loaded twice (a second insert of a batch record would violate the primary key and fail the batch). A shard
 * {@code i/N} of a sharded load loads only the batches {@code b} with {@code b mod N = i}; its batch records are the
 * same as a single process would write, so shards, resumes and single-process loads of one plan mix freely.
 * On the first failure every worker stops after its current batch, the failing COPY is cancelled and
 * rolled back, every connection is closed, and {@link #load} throws.
 *
 * <p>Bounded: a worker that makes no progress for the <em>stall timeout</em> (default 60 s,
 * {@link ClientTimeouts#COPY_STALL_TIMEOUT_PROPERTY}) has its connection aborted by a {@link CopyStallWatchdog}, and
 * the load fails with one line naming the server's {@code host:port}, the table and the batch. Once a failure is
 * known, the other workers get one more stall timeout to end; any still running then are aborted too, so
 * {@link #load} returns within about two stall timeouts of a server freezing.
 */
public final class ParallelCopyLoader {

    /** Encoded bytes are handed to the driver in chunks of about this size. */
    private static final int FLUSH_BYTES = 256 * 1024;

    private final PostgresConnections connections;
    private final String loadId;
    private final int batchSize;
    private final int workers;
    private final CopyEncoder.Format format;
    private final LoadListener listener;
    private final Duration stallTimeout;

    /** With the stall timeout of {@link ClientTimeouts#copyStallTimeout} (system property or 60 s). */
    public ParallelCopyLoader(PostgresConnections connections, String loadId, int batchSize, int workers,
                              CopyEncoder.Format format, LoadListener listener) {
        this(connections, loadId, batchSize, workers, format, listener,
                ClientTimeouts.copyStallTimeout(System.getProperties()));
    }

    /** @param stallTimeout how long a worker may make no progress before its connection is aborted */
    public ParallelCopyLoader(PostgresConnections connections, String loadId, int batchSize, int workers,
                              CopyEncoder.Format format, LoadListener listener, Duration stallTimeout) {
        if (batchSize < 1 || workers < 1) {
            throw new IllegalArgumentException("batchSize and workers must be positive");
        }
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stall timeout must be positive, was " + stallTimeout);
        }
        this.stallTimeout = stallTimeout;
        this.connections = connections;
        this.loadId = loadId;
        this.batchSize = batchSize;
        this.workers = workers;
        this.format = format;
        this.listener = listener;
    }

    /** Number of batches of a table under this batch size. */
    public long batchCount(TableSpec table) {
        return batches(table.rowCount(), batchSize);
    }

    /** Batches of {@code batchSize} rows covering {@code rows}, without the overflow of {@code rows + batchSize - 1}. */
    public static long batches(long rows, int batchSize) {
        return rows / batchSize + (rows % batchSize == 0 ? 0 : 1);
    }

    /**
     * Loads the batches of {@code table} not yet committed under the load id. The table must exist.
     * Returns per-worker figures; throws {@link CopyLoadException} naming the table and batch on failure.
     */
    public TableLoadResult load(TableSpec table) {
        return load(table, Optional.empty());
    }

    /**
     * Loads the batches of {@code table} not yet committed under the load id that belong to {@code shard} (batch
     * {@code b} is shard {@code b mod N}'s; all batches when empty). The result's rows and batches are the shard's.
     */
    public TableLoadResult load(TableSpec table, Optional<Shard> shard) {
        try (CopyStallWatchdog watchdog = new CopyStallWatchdog(stallTimeout, table.name(), connections)) {
            return load(table, shard, watchdog);
        }
    }

    /** Rows of {@code table} in the batches of {@code shard}: every batch is full but the table's last one. */
    public static long rowsOf(TableSpec table, int batchSize, Optional<Shard> shard) {
        if (shard.isEmpty()) {
            return table.rowCount();
        }
        long batches = batches(table.rowCount(), batchSize);
        long owned = shard.get().unitsOf(batches);
        if (owned == 0) {
            return 0;
        }
        long lastRows = table.rowCount() - (batches - 1) * batchSize;
        return shard.get().owns(batches - 1) ? (owned - 1) * batchSize + lastRows : owned * batchSize;
    }

    private TableLoadResult load(TableSpec table, Optional<Shard> shard, CopyStallWatchdog watchdog) {
        long allBatches = batchCount(table);
        long totalBatches = shard.map(s -> s.unitsOf(allBatches)).orElse(allBatches);
        BitSet committed;
        try (Connection c = connections.open()) {
            CopyStallWatchdog.Watched watched = watchdog.watch(c, "reading the progress of table " + table.name());
            try {
                committed = ProgressTable.committedBatches(c, loadId, table.name());
            } catch (SQLException e) {
                throw stalledOr(watched, "reading the progress of table " + table.name(), e);
            } finally {
                watchdog.unwatch(watched);
            }
        } catch (SQLException e) {
            throw new CopyLoadException("reading the progress of table " + table.name() + ": " + e.getMessage(), e);
        }
        long[] owned = new long[(int) totalBatches];
        int p = 0;
        for (long b = 0; b < allBatches; b++) {
            if ((shard.isEmpty() || shard.get().owns(b)) && !committed.get((int) b)) {
                owned[p++] = b;
            }
        }
        long[] pending = java.util.Arrays.copyOf(owned, p);
        long skipped = totalBatches - pending.length;
        int threads = (int) Math.max(1, Math.min(workers, pending.length));
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        String copySql = "COPY " + table.name() + " (" + table.copyColumnList() + ") FROM STDIN " + format.copyOptions();
        long started = System.nanoTime();
        List<TableLoadResult.WorkerResult> results = new ArrayList<>();
        if (pending.length > 0) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "copy-" + table.name());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<TableLoadResult.WorkerResult>> futures = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    futures.add(pool.submit(() -> runWorker(worker, table, copySql, pending, next, stop, firstFailure,
                            watchdog)));
                }
                awaitWorkers(table, futures, results, stop, firstFailure, watchdog);
            } finally {
                pool.shutdownNow();
            }
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            if (failure instanceof CopyLoadException cle) {
                throw cle;
            }
            throw new CopyLoadException("loading table " + table.name() + ": " + oneLine(failure), failure);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = results.stream().mapToLong(TableLoadResult.WorkerResult::rows).sum();
        long bytes = results.stream().mapToLong(TableLoadResult.WorkerResult::bytes).sum();
        long batches = results.stream().mapToLong(TableLoadResult.WorkerResult::batches).sum();
        return new TableLoadResult(table.name(), rowsOf(table, batchSize, shard), totalBatches, skipped, rows, bytes, batches,
                seconds, 0, results);
    }

    /**
     * Waits for every worker. While they progress there is no deadline (a load may take hours; the watchdog bounds
     * each stall); once a failure is recorded, the others get one stall timeout to end, then are aborted.
     */
    private void awaitWorkers(TableSpec table, List<Future<TableLoadResult.WorkerResult>> futures,
                              List<TableLoadResult.WorkerResult> results, AtomicBoolean stop,
                              AtomicReference<Throwable> firstFailure, CopyStallWatchdog watchdog) {
        long failedAtNanos = 0;
        for (Future<TableLoadResult.WorkerResult> f : futures) {
            while (true) {
                try {
                    results.add(f.get(100, TimeUnit.MILLISECONDS));
                    break;
                } catch (TimeoutException e) {
                    if (firstFailure.get() == null && !stop.get()) {
                        continue;
                    }
                    long now = System.nanoTime();
                    if (failedAtNanos == 0) {
                        failedAtNanos = now;
                    } else if (now - failedAtNanos > stallTimeout.toNanos()) {
                        watchdog.abortAll("ending after another worker failed");
                        f.cancel(true);
                        Throwable failure = firstFailure.get();
                        if (failure != null) {
                            failure.addSuppressed(new IllegalStateException("a COPY worker of table " + table.name()
                                    + " did not end within " + stallTimeout.toSeconds() + " s of the failure; aborted"));
                        }
                        break;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    firstFailure.compareAndSet(null, e.getCause());
                    break;
                } catch (java.util.concurrent.CancellationException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                    firstFailure.compareAndSet(null, e);
                    watchdog.abortAll("interrupted");
                    return;
                }
            }
        }
    }

    /** The one-line stall error when the watchdog aborted {@code watched}, else the failure as it came. */
    private CopyLoadException stalledOr(CopyStallWatchdog.Watched watched, String doing, Exception e) {
        if (watched.stalledIn() != null) {
            return CopyLoadException.stalled("PostgreSQL at " + watched.hostAndPort() + " made no progress for "
                    + stallTimeout.toSeconds() + " s while " + doing + "; connection aborted (-D"
                    + ClientTimeouts.COPY_STALL_TIMEOUT_PROPERTY + "=" + stallTimeout.toSeconds() + ")", e);
        }
        return new CopyLoadException("PostgreSQL at " + watched.hostAndPort() + ": " + doing + ": " + oneLine(e), e);
    }

    private TableLoadResult.WorkerResult runWorker(int worker, TableSpec table, String copySql, long[] pending,
                                                   AtomicInteger next, AtomicBoolean stop,
                                                   AtomicReference<Throwable> firstFailure,
                                                   CopyStallWatchdog watchdog) throws Exception {
        long started = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        long batches = 0;
        RowGenerator generator = table.newGenerator();
        CopyEncoder encoder = format.newEncoder();
        int columns = table.columns().size();
        long batchNo = -1;
        try (Connection connection = connections.open()) {
            CopyStallWatchdog.Watched watched = watchdog.watch(connection, "loading table " + table.name()
                    + " (worker " + worker + ")");
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (PreparedStatement record = connection.prepareStatement(ProgressTable.INSERT_BATCH)) {
                while (!stop.get()) {
                    int index = next.getAndIncrement();
                    if (index >= pending.length) {
                        break;
                    }
                    batchNo = pending[index];
                    watched.idle(false);
                    long first = batchNo * batchSize;
                    long end = Math.min(first + batchSize, table.rowCount());
                    long batchBytes = 0;
                    CopyIn op = copy.copyIn(copySql);
                    try {
                        encoder.clear();
                        encoder.writeHeader();
                        for (long row = first; row < end; row++) {
                            encoder.beginRow(columns);
                            generator.generate(row, encoder);
                            encoder.endRow();
                            if (encoder.size() >= FLUSH_BYTES) {
                                op.writeToCopy(encoder.array(), 0, encoder.size());
                                watched.progressed();
                                batchBytes += encoder.size();
                                encoder.clear();
                            }
                        }
                        encoder.writeTrailer();
                        op.writeToCopy(encoder.array(), 0, encoder.size());
                        batchBytes += encoder.size();
                        encoder.clear();
                        long copied = op.endCopy();
                        watched.progressed();
                        if (copied != end - first) {
                            throw new SQLException("COPY reported " + copied + " rows for a batch of " + (end - first));
                        }
                    } finally {
                        if (op.isActive()) {
                            op.cancelCopy();
                        }
                    }
                    record.setString(1, loadId);
                    record.setString(2, table.name());
                    record.setLong(3, batchNo);
                    record.setLong(4, first);
                    record.setLong(5, end - first);
                    record.setLong(6, batchBytes);
                    record.setInt(7, worker);
                    record.executeUpdate();
                    watched.progressed();
                    connection.commit();
                    watched.idle(true);
                    rows += end - first;
                    bytes += batchBytes;
                    batches++;
                    listener.batchCommitted(table.name(), batchNo, end - first, batchBytes, worker);
                }
            } catch (Exception | Error e) {
                stop.set(true);
                if (watched.stalledIn() != null) {
                    // the watchdog aborted the connection: say so, not "An I/O error occurred"
                    throw stalledOr(watched, "loading table " + table.name() + ", batch " + batchNo
                            + " (worker " + worker + ")", e instanceof Exception ex ? ex : new Exception(e));
                }
                rollbackQuietly(connection, e);
                throw new CopyLoadException("PostgreSQL at " + watched.hostAndPort() + ": loading table " + table.name()
                        + ", batch " + batchNo + " (worker " + worker + "): " + oneLine(e), e);
            } finally {
                watchdog.unwatch(watched);
            }
        } catch (SQLException e) {
            // opening or closing the connection failed
            stop.set(true);
            throw new CopyLoadException("loading table " + table.name() + " (worker " + worker + "): " + oneLine(e), e);
        } catch (Exception | Error e) {
            stop.set(true);
            firstFailure.compareAndSet(null, e);
            throw e;
        }
        return new TableLoadResult.WorkerResult(worker, rows, bytes, batches, (System.nanoTime() - started) / 1e9);
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Runs statements on one connection, in autocommit mode, in order. */
    public static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
