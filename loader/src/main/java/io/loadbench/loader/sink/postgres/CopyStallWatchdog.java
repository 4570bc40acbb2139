package io.loadbench.loader.sink.postgres;

import io.loadbench.datastores.ClientTimeouts;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Aborts the connection of a COPY worker that made no progress for {@code stallTimeout}: no chunk handed to the
 * driver, no COPY ended, no batch recorded or committed. A frozen server (SIGSTOP, a hung VM, a dead network path
 * without a reset) otherwise blocks a worker forever: a blocking send has no timeout in Java, and pgjdbc's
 * {@code socketTimeout} cannot be used for the whole connection because legitimate statements (an index build after a
 * large load) can go minutes without a byte.
 *
 * <p>{@link Connection#abort} closes the socket without a goodbye, which frees the worker at once whatever it was
 * blocked in (a send, the reply to {@code endCopy}, a commit); the worker then fails its batch, whose transaction the
 * server rolls back. A live server whose backend is stuck (waiting on a lock, say) would not notice the closed socket
 * until it next touches it, so the watchdog also asks the server to end that backend: {@code pg_terminate_backend}
 * on a new connection, on a daemon thread of its own, every wait bounded by the login timeout and
 * {@link ClientTimeouts#SHORT_STATEMENT_TIMEOUT}. On a frozen server that request simply fails; the load's failure
 * never waits for it. Thread-safe; one per {@link ParallelCopyLoader#load} call.
 */
final class CopyStallWatchdog implements AutoCloseable {

    /** One worker's connection and the last moment it made progress. */
    static final class Watched {
        private final Connection connection;
        private final String hostAndPort;
        private final int backendPid;
        private volatile long lastProgressNanos = System.nanoTime();
        private volatile boolean idle;
        private volatile String stalledIn;

        private Watched(Connection connection) {
            this.connection = connection;
            this.hostAndPort = CopyStallWatchdog.hostAndPort(connection);
            this.backendPid = backendPid(connection);
        }

        /** Something completed: a chunk written, a COPY ended, a batch committed. */
        void progressed() {
            lastProgressNanos = System.nanoTime();
        }

        /** Between batches (or done): nothing to watch. */
        void idle(boolean isIdle) {
            idle = isIdle;
            progressed();
        }

        /** Non-null once the watchdog aborted this connection: what it was doing. */
        String stalledIn() {
            return stalledIn;
        }

        String hostAndPort() {
            return hostAndPort;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CopyStallWatchdog.class);

    private final Duration stallTimeout;
    private final PostgresConnections connections;
    private final Map<Watched, String> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    /** {@code connections} opens the connection that asks the server to end a stalled backend. */
    CopyStallWatchdog(Duration stallTimeout, String table, PostgresConnections connections) {
        this.stallTimeout = stallTimeout;
        this.connections = connections;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "copy-watchdog-" + table);
            t.setDaemon(true);
            return t;
        });
        // check four times per bound, at least every second: a stall is noticed within 1.25 × the bound
        long periodMs = Math.max(10, Math.min(1_000, stallTimeout.toMillis() / 4));
        timer.scheduleAtFixedRate(this::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code connection}; {@code activity} names what it does, for the error message. */
    Watched watch(Connection connection, String activity) {
        Watched w = new Watched(connection);
        watched.put(w, activity);
        return w;
    }

    void unwatch(Watched w) {
        watched.remove(w);
    }

    Duration stallTimeout() {
        return stallTimeout;
    }

    /** Aborts every watched connection (the load is being given up). */
    void abortAll(String why) {
        watched.forEach((w, activity) -> abort(w, why));
    }

    private void check() {
        long now = System.nanoTime();
        watched.forEach((w, activity) -> {
            if (!w.idle && w.stalledIn == null && now - w.lastProgressNanos > stallTimeout.toNanos()) {
                abort(w, activity);
            }
        });
    }

    private void abort(Watched w, String activity) {
        if (w.stalledIn != null) {
            return;
        }
        w.stalledIn = activity;
        try {
            // runs on the calling thread: pgjdbc only closes the socket, which cannot block
            w.connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            try {
                w.connection.close();
            } catch (SQLException ignored) {
                // the worker reports the stall; nothing more can be done for this connection
            }
        }
        if (w.backendPid > 0) {
            Thread terminator = new Thread(() -> terminateBackend(w), "copy-watchdog-terminate-" + w.backendPid);
            terminator.setDaemon(true);
            terminator.start();
        }
    }

    /** Asks the server to end the aborted connection's backend; best effort, bounded, never in the load's way. */
    private void terminateBackend(Watched w) {
        try (Connection c = connections.open()) {
            ClientTimeouts.forShortStatements(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
                ps.setInt(1, w.backendPid);
                ps.execute();
            }
            LOG.debug("asked PostgreSQL at {} to end backend {} of the aborted COPY", w.hostAndPort, w.backendPid);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not ask PostgreSQL at {} to end backend {}: {}", w.hostAndPort, w.backendPid, e.getMessage());
        }
    }

    private static int backendPid(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** {@code host:port} of a pgjdbc connection, for the one-line error; "PostgreSQL" if the driver will not say. */
    static String hostAndPort(Connection connection) {
        try {
            return connection.unwrap(BaseConnection.class).getQueryExecutor().getHostSpec().toString();
        } catch (SQLException | RuntimeException e) {
            return "(unknown server)";
        }
    }
}
