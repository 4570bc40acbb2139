package io.loadbench.datastores;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends the plain connections of a {@link Datastores} when their PostgreSQL stops answering. A statement may
 * rightly run for minutes without a byte (an index build, a checksum over 100M rows), so no socket timeout can tell
 * a long statement from a frozen server (SIGSTOP, a hung VM, a network path that died without a reset); this
 * asks the server itself. While a watched connection is open, a probe connection of its own sends {@code SELECT 1}
 * every period; a probe that gets no reply within the bound ({@link ClientTimeouts#unresponsiveTimeout}) (or whose
 * connection is lost) marks the server unresponsive and aborts every watched connection, which fails whatever was
 * waiting on it at once. A server that only refuses the probe's login (too many clients, say) is not judged.
 *
 * <p>Bound: a command whose server freezes ends within period + bound (5 s + 10 s by default). Daemon
 * thread, one probe connection; nothing runs while no watched connection is open.
 */
final class PostgresLiveness implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLiveness.class);

    private final PostgresEndpoint endpoint;
    private final Duration period;
    private final Duration timeout;
    private final Set<Connection> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private volatile String unresponsive;
    private volatile Connection probe;

    PostgresLiveness(PostgresEndpoint endpoint, Duration period, Duration timeout) {
        this.endpoint = endpoint;
        this.period = period;
        this.timeout = timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadbench-pg-liveness");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches {@code connection} until it is closed; returns it. */
    Connection watch(Connection connection) {
        watched.add(connection);
        return connection;
    }

    /** Why the server was judged unresponsive, once it was. */
    Optional<String> unresponsive() {
        return Optional.ofNullable(unresponsive);
    }

    private void check() {
        watched.removeIf(PostgresLiveness::isClosed);
        if (watched.isEmpty()) {
            closeProbe();
            return;
        }
        try {
            Connection c = probe;
            if (c == null) {
                c = PostgresClients.open(endpoint, "liveness probe");
                c.setNetworkTimeout(Runnable::run, (int) timeout.toMillis());
                probe = c;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
        } catch (SQLException | DatastoreException e) {
            if (isConnectionFailure(e)) {
                giveUp(e);
            } else {
                LOG.debug("liveness probe of {} refused, not judged: {}", endpoint.hostAndPort(), e.getMessage());
            }
            closeProbe();
        }
    }

    private void giveUp(Exception e) {
        unresponsive = "PostgreSQL at " + endpoint.hostAndPort() + " stopped answering: a liveness probe got no reply"
                + " within " + timeout.toSeconds() + " s (" + ConnectionErrors.firstLine(e.getMessage())
                + "); its connections were aborted";
        LOG.debug(unresponsive);
        for (Connection c : watched) {
            try {
                c.abort(Runnable::run); // closes the socket; cannot block
            } catch (SQLException | RuntimeException ignored) {
                // the statement waiting on it fails either way once the socket is gone
            }
        }
        watched.clear();
    }

    /** A timeout or a lost connection (SQLState class 08), not a refusal such as too many clients. */
    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void closeProbe() {
        Connection c = probe;
        probe = null;
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // gone already
            }
        }
    }

    /** Stops probing; a probe in flight fails at once (its socket is closed), so this never waits on the server. */
    @Override
    public void close() {
        timer.shutdownNow();
        closeProbe();
    }
}
