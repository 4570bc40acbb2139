package io.loadbench.scenarios.protocol;

import io.loadbench.results.Secrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.RedisClient;

/**
 * Runs blocking JDBC and Jedis calls on bounded executors sized with the connection pools (one per datastore,
 * so a stalled Redis cannot starve PostgreSQL requests), never on the caller's thread (Gatling's event loops),
 * and times each call from its intended start.
 *
 * <p>A store's pool opens when the first request that uses it is built ({@link #open(Store)}), before the load
 * starts: a simulation that sends only SQL never needs a Redis, and one whose target lacks a store it uses fails
 * at once, not on its first request.
 *
 * <p>Thread-safe; one engine serves every scenario of a simulation. A call that finds the executor queue full
 * is not run: it completes at once as a failure and is counted in {@link #droppedCount()}, because a queue that
 * grows without bound would turn an overloaded injector into fake datastore latency.
 */
public final class DatastoreEngine implements AutoCloseable {

    /** How much longer than the query timeout a PostgreSQL connection waits for a reply before it is dropped. */
    static final java.time.Duration SOCKET_TIMEOUT_BEYOND_QUERY_TIMEOUT = java.time.Duration.ofSeconds(5);

    private final DatastoreSettings settings;
    private final DatastoreConnector connector;
    private volatile DataSource pgPool;
    private volatile RedisClient redis;
    /** The Redis calls when the pipeline depth is above 1; null otherwise, or before Redis opens. */
    private volatile PipelinedRedisCalls pipelinedRedis;
    private final ThreadPoolExecutor pgExecutor;
    private final ThreadPoolExecutor redisExecutor;
    private final LongAdder dropped = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    private DatastoreEngine(DatastoreSettings settings, DatastoreConnector connector) {
        this.settings = settings;
        this.connector = connector;
        this.pgExecutor = executor("postgres-call-", settings.pgPoolSize(), settings.executorQueueCapacity());
        this.redisExecutor = executor("redis-call-", settings.redisPoolSize(), settings.executorQueueCapacity());
    }

    private static ThreadPoolExecutor executor(String threadPrefix, int threads, int queueCapacity) {
        AtomicInteger threadNumber = new AtomicInteger();
        // bounded, and two locks: the event loops offering never contend with the (many) idle workers taking
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, threadPrefix + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.prestartAllCoreThreads();
        return executor;
    }

    /** Starts the executors; pools open with {@link #open(Store)}. */
    public static DatastoreEngine start(DatastoreConnector connector, DatastoreSettings settings) {
        return new DatastoreEngine(settings, connector);
    }

    /** Opens the pool of {@code store} through the connector unless it is open; throws when it cannot. */
    public synchronized void open(Store store) {
        if (closed) {
            throw new IllegalStateException("the datastore protocol is closed");
        }
        if (store == Store.POSTGRES && pgPool == null) {
            // the socket gives up a little after the statement's own cancel would have: a backstop for a server
            // that answers nothing, whose cancel request is never served either
            pgPool = connector.openPgPool("loadbench-scenarios", settings.pgPoolSize(), settings.poolTimeout(),
                    settings.queryTimeout().plus(SOCKET_TIMEOUT_BEYOND_QUERY_TIMEOUT));
        } else if (store == Store.REDIS && redis == null) {
            redis = connector.openRedisClient(settings.redisPoolSize(), settings.poolTimeout(), settings.queryTimeout());
            if (settings.redisPipelineDepth() > 1) {
                pipelinedRedis = new PipelinedRedisCalls(redis, settings, inFlight);
            }
        }
    }

    /** Whether {@code store}'s pool is open. */
    public boolean isOpen(Store store) {
        return (store == Store.POSTGRES ? pgPool : redis) != null;
    }

    public DatastoreSettings settings() {
        return settings;
    }

    /** Runs a SQL statement; {@code done} is called once, on an executor thread (or the caller's when dropped). */
    public void submitSql(long intendedStartNanos, SqlStatement statement, Consumer<Outcome<SqlResult>> done) {
        submit(pgExecutor, intendedStartNanos, done, () -> runSql(intendedStartNanos, statement));
    }

    /**
     * Runs a Redis command; {@code done} is called once, on an executor thread (or the caller's when dropped). With a
     * pipeline depth above 1 the command joins the next batch of a connection ({@link PipelinedRedisCalls}).
     */
    public void submitRedis(long intendedStartNanos, RedisCommand command, Consumer<Outcome<Object>> done) {
        if (settings.redisPipelineDepth() > 1) {
            submitPipelined(intendedStartNanos, command, done);
            return;
        }
        submit(redisExecutor, intendedStartNanos, done, () -> runRedis(intendedStartNanos, command));
    }

    private void submitPipelined(long intendedStartNanos, RedisCommand command, Consumer<Outcome<Object>> done) {
        PipelinedRedisCalls calls = pipelinedRedis;
        long now = System.nanoTime();
        if (closed) {
            done.accept(new Outcome<>(null, "the datastore protocol is closed", intendedStartNanos, now, now));
            return;
        }
        if (calls == null) {
            done.accept(notOpen(intendedStartNanos, Store.REDIS));
            return;
        }
        inFlight.incrementAndGet();
        if (!calls.offer(new PipelinedRedisCalls.Pending(intendedStartNanos, command, done))) {
            inFlight.decrementAndGet();
            dropped.increment();
            done.accept(new Outcome<>(null, "dropped: the Redis pipeline queue is full (" + settings.executorQueueCapacity()
                    + " waiting); the injector cannot keep up", intendedStartNanos, now, now));
        }
    }

    /**
     * Runs {@code work} on one PostgreSQL connection held for all of its requests; {@code done} is called once with
     * every request's outcome, on an executor thread (or the caller's when dropped). A sequence that cannot start (queue
     * full, no connection within the pool timeout) is one failed step named {@code firstRequestName}.
     */
    public void submitPgWork(long intendedStartNanos, String firstRequestName, ConnectionWork work,
                             Consumer<List<StepOutcome>> done) {
        submit(pgExecutor, intendedStartNanos, outcome -> done.accept(outcome.succeeded() ? outcome.value()
                : List.of(new StepOutcome(firstRequestName, outcome))), () -> runPgWork(intendedStartNanos, firstRequestName, work));
    }

    /** Calls that could not be queued because the executor queue was full. */
    public long droppedCount() {
        return dropped.sum();
    }

    /** Calls queued or running now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Waits (bounded) until no call is queued or running; true if that happened in time. */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private <T> void submit(ThreadPoolExecutor executor, long intendedStartNanos, Consumer<Outcome<T>> done,
                            java.util.function.Supplier<Outcome<T>> call) {
        if (closed) {
            long now = System.nanoTime();
            done.accept(new Outcome<>(null, "the datastore protocol is closed", intendedStartNanos, now, now));
            return;
        }
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    done.accept(call.get());
                } finally {
                    // after the completion ran: awaitIdle() then means every reply is recorded
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            dropped.increment();
            long now = System.nanoTime();
            done.accept(new Outcome<>(null, "dropped: the datastore executor queue is full ("
                    + settings.executorQueueCapacity() + " waiting); the injector cannot keep up", intendedStartNanos, now, now));
        }
    }

    /**
     * A request that waited for an executor thread longer than the pool timeout fails without running: the
     * executor queue is where it waits for a connection (threads = connections), and an application would have
     * given up on the connection by then; without the bound, a saturated datastore builds a backlog that takes
     * minutes to drain after the load stops.
     */
    private <T> Outcome<T> expiredInQueue(long intendedStartNanos, String datastore) {
        long now = System.nanoTime();
        long waitedNanos = now - intendedStartNanos;
        if (waitedNanos <= settings.poolTimeout().toNanos()) {
            return null;
        }
        return new Outcome<>(null, "no " + datastore + " connection within the pool timeout ("
                + settings.poolTimeout().toMillis() + " ms, waited " + TimeUnit.NANOSECONDS.toMillis(waitedNanos) + " ms)",
                intendedStartNanos, now, now);
    }

    /** A request to a store whose pool was never opened (no action for it was built) fails without running. */
    private static <T> Outcome<T> notOpen(long intendedStartNanos, Store store) {
        long now = System.nanoTime();
        return new Outcome<>(null, (store == Store.POSTGRES ? "PostgreSQL" : "Redis")
                + " is not open: no request of the simulation was built for it", intendedStartNanos, now, now);
    }

    /** A pooled PostgreSQL connection, or the outcome of a request that could not get one. */
    private record Acquired<T>(Connection connection, Outcome<T> failure) {
    }

    /**
     * What every PostgreSQL request does before it runs: fails when the pool was never opened or the request waited
     * past the pool timeout in the executor's queue, else takes a connection from the pool.
     */
    private <T> Acquired<T> acquirePg(long intendedStartNanos) {
        if (pgPool == null) {
            return new Acquired<>(null, notOpen(intendedStartNanos, Store.POSTGRES));
        }
        Outcome<T> expired = expiredInQueue(intendedStartNanos, "PostgreSQL");
        if (expired != null) {
            return new Acquired<>(null, expired);
        }
        try {
            return new Acquired<>(pgPool.getConnection(), null);
        } catch (SQLException | RuntimeException e) {
            long now = System.nanoTime();
            return new Acquired<>(null, new Outcome<>(null, "no PostgreSQL connection: " + oneLine(e), intendedStartNanos, now, now));
        }
    }

    private Outcome<SqlResult> runSql(long intendedStartNanos, SqlStatement statement) {
        Acquired<SqlResult> acquired = acquirePg(intendedStartNanos);
        if (acquired.failure() != null) {
            return acquired.failure();
        }
        Connection connection = acquired.connection();
        long serviceStart = System.nanoTime();
        try (connection; PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            prepared.setQueryTimeout(Math.max(1, (int) settings.queryTimeout().toSeconds()));
            List<Object> params = statement.params();
            for (int i = 0; i < params.size(); i++) {
                prepared.setObject(i + 1, params.get(i));
            }
            SqlResult result;
            if (prepared.execute()) {
                try (ResultSet rows = prepared.getResultSet()) {
                    result = readRows(rows, statement.maxRows());
                }
            } else {
                result = SqlResult.ofUpdateCount(prepared.getLargeUpdateCount());
            }
            return new Outcome<>(result, null, intendedStartNanos, serviceStart, System.nanoTime());
        } catch (SQLException | RuntimeException e) {
            return new Outcome<>(null, oneLine(e), intendedStartNanos, serviceStart, System.nanoTime());
        }
    }

    private Outcome<List<StepOutcome>> runPgWork(long intendedStartNanos, String firstRequestName, ConnectionWork work) {
        Acquired<List<StepOutcome>> acquired = acquirePg(intendedStartNanos);
        if (acquired.failure() != null) {
            return acquired.failure();
        }
        Connection connection = acquired.connection();
        long heldNanos = System.nanoTime();
        try (connection) {
            List<StepOutcome> steps;
            try {
                steps = work.run(connection, new ConnectionWork.Context(intendedStartNanos, heldNanos, settings.queryTimeout()));
                if (steps.isEmpty()) {
                    throw new IllegalStateException("the sequence ran no request");
                }
            } catch (SQLException | RuntimeException e) {
                long now = System.nanoTime();
                steps = List.of(new StepOutcome(firstRequestName, new Outcome<>(null, oneLine(e), intendedStartNanos, heldNanos, now)));
            }
            steps = endOpenTransaction(connection, steps);
            Outcome<?> last = steps.get(steps.size() - 1).outcome();
            return new Outcome<>(steps, null, intendedStartNanos, heldNanos, last.endNanos());
        } catch (SQLException e) {
            // closing the connection failed: the pool discards it; the steps are lost with it
            long now = System.nanoTime();
            return new Outcome<>(null, oneLine(e), intendedStartNanos, heldNanos, now);
        }
    }

    /**
     * A connection goes back to the pool outside any transaction: HikariCP rolls back only what it knows of (its
     * autocommit is on, the work's BEGIN was plain SQL), and the next request on it would run inside this one. A
     * transaction the work left open is rolled back, and fails the sequence's last step if that step had succeeded.
     */
    private static List<StepOutcome> endOpenTransaction(Connection connection, List<StepOutcome> steps) throws SQLException {
        BaseConnection pg = connection.isWrapperFor(BaseConnection.class)
                ? connection.unwrap(BaseConnection.class) : null;
        if (pg == null || pg.getTransactionState() == TransactionState.IDLE) {
            return steps;
        }
        try (Statement rollback = connection.createStatement()) {
            rollback.execute("ROLLBACK");
        }
        StepOutcome last = steps.get(steps.size() - 1);
        if (!last.succeeded()) {
            return steps;
        }
        List<StepOutcome> failed = new ArrayList<>(steps.subList(0, steps.size() - 1));
        Outcome<?> ok = last.outcome();
        failed.add(new StepOutcome(last.requestName(), new Outcome<>(null, "the sequence ended inside a transaction: rolled back",
                ok.intendedStartNanos(), ok.serviceStartNanos(), ok.endNanos())));
        return failed;
    }

    private static SqlResult readRows(ResultSet rows, int maxRows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int columnCount = meta.getColumnCount();
        List<String> columns = new ArrayList<>(columnCount);
        for (int c = 1; c <= columnCount; c++) {
            columns.add(meta.getColumnLabel(c));
        }
        List<List<Object>> values = new ArrayList<>();
        while (rows.next()) {
            if (values.size() == maxRows) {
                throw new SQLException("the query returned more than " + maxRows + " rows (raise maxRows on the request)");
            }
            List<Object> row = new ArrayList<>(columnCount);
            for (int c = 1; c <= columnCount; c++) {
                row.add(rows.getObject(c));
            }
            values.add(row);
        }
        return SqlResult.ofRows(columns, values);
    }

    private Outcome<Object> runRedis(long intendedStartNanos, RedisCommand command) {
        if (redis == null) {
            return notOpen(intendedStartNanos, Store.REDIS);
        }
        Outcome<Object> expired = expiredInQueue(intendedStartNanos, "Redis");
        if (expired != null) {
            return expired;
        }
        redis.clients.jedis.Connection connection;
        try {
            connection = redis.getPool().getResource();
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            return new Outcome<>(null, "no Redis connection: " + oneLine(e), intendedStartNanos, now, now);
        }
        long serviceStart = System.nanoTime();
        try (connection) {
            CommandArguments arguments = new CommandArguments(command.protocolCommand()).addObjects(command.args());
            Object reply = connection.executeCommand(new CommandObject<>(arguments, BuilderFactory.ENCODED_OBJECT));
            return new Outcome<>(reply, null, intendedStartNanos, serviceStart, System.nanoTime());
        } catch (RuntimeException e) {
            return new Outcome<>(null, oneLine(e), intendedStartNanos, serviceStart, System.nanoTime());
        }
    }

    /** The first line of the failure's message, passwords masked: it goes into Gatling's log and report. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return Secrets.maskUrl(newline < 0 ? message : message.substring(0, newline));
    }

    /** Stops accepting calls, lets running ones finish (bounded by the query timeout) and closes both pools. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pgExecutor.shutdown();
        redisExecutor.shutdown();
        try {
            long timeoutMs = settings.queryTimeout().toMillis() + 1_000;
            pgExecutor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
            redisExecutor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pgExecutor.shutdownNow();
        redisExecutor.shutdownNow();
        if (pipelinedRedis != null) {
            pipelinedRedis.close();
        }
        if (redis != null) {
            redis.close();
        }
        closeQuietly(pgPool);
    }

    private static void closeQuietly(DataSource pool) {
        if (pool instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing a pool on the way out: the run's outcome is already decided
            }
        }
    }
}
