package io.loadbench.datastores;

import com.zaxxer.hikari.pool.HikariPool;
import io.loadbench.results.Secrets;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns driver exceptions into the one-line messages a user sees: which server ({@code host:port}), what went
 * wrong in words, and the SQLState or driver message for reference. Passwords are masked.
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /** A {@link DatastoreException} for a failed PostgreSQL connection or statement. */
    public static DatastoreException postgres(PostgresEndpoint endpoint, SQLException e) {
        String message = "PostgreSQL at " + endpoint.hostAndPort() + ": " + describePostgres(e, endpoint);
        return new DatastoreException(Secrets.maskIn(message, endpoint.password()), e);
    }

    /** A {@link DatastoreException} for a HikariCP pool whose first connection failed. */
    static DatastoreException postgres(PostgresEndpoint endpoint, HikariPool.PoolInitializationException e) {
        if (e.getCause() instanceof SQLException) {
            return postgres(endpoint, (SQLException) e.getCause());
        }
        String message = "PostgreSQL at " + endpoint.hostAndPort() + ": " + firstLine(e.getMessage());
        return new DatastoreException(Secrets.maskIn(message, endpoint.password()), e);
    }

    /** The words for a PostgreSQL failure, by SQLState (pgjdbc's and the server's), then by the network cause. */
    static String describePostgres(SQLException e, PostgresEndpoint endpoint) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = endpoint.user() == null ? "(default user)" : "\"" + endpoint.user() + "\"";
        String detail = firstLine(e.getMessage());
        Throwable network = networkCause(e);
        if (network instanceof UnknownHostException) {
            return "unknown host '" + endpoint.host() + "'";
        }
        if (network instanceof ConnectException || network instanceof NoRouteToHostException) {
            return "cannot connect (" + firstLine(network.getMessage())
                    + "); is the server running and listening on that address and port?";
        }
        if (network instanceof SocketTimeoutException) {
            return "timed out connecting (" + firstLine(network.getMessage()) + ")";
        }
        switch (state) {
            case "28P01":
                return "password authentication failed for user " + user + " (wrong password?) [28P01]";
            case "28000":
                return "login rejected for user " + user + ": " + detail + " [28000]";
            case "3D000":
                return "database \"" + endpoint.database() + "\" does not exist [3D000]";
            case "53300":
                return "too many connections (max_connections reached): " + detail + " [53300]";
            case "57P03":
                return "the server is starting up or shutting down, try again [57P03]";
            case "08001":
                return "cannot connect: " + detail + " [08001]";
            case "08004":
                return "the server rejected the connection: " + detail + " [08004]";
            case "08006":
            case "08003":
                return "connection lost: " + detail + " [" + state + "]";
            default:
                return detail + (state.isEmpty() ? "" : " [" + state + "]");
        }
    }

    /** A {@link DatastoreException} for a failed Redis connection or command. */
    public static DatastoreException redis(RedisEndpoint endpoint, RuntimeException e) {
        String message = "Redis at " + endpoint.hostAndPort() + ": " + describeRedis(e);
        return new DatastoreException(Secrets.maskIn(message, endpoint.password()), e);
    }

    static String describeRedis(RuntimeException e) {
        Throwable network = networkCause(e);
        if (network instanceof UnknownHostException) {
            return "unknown host (" + firstLine(network.getMessage()) + ")";
        }
        if (network instanceof ConnectException || network instanceof NoRouteToHostException) {
            return "cannot connect (" + firstLine(network.getMessage())
                    + "); is the server running and listening on that address and port?";
        }
        if (network instanceof SocketTimeoutException) {
            return "timed out (" + firstLine(network.getMessage()) + ")";
        }
        String detail = firstLine(rootMessage(e));
        String upper = detail.toUpperCase(Locale.ROOT);
        if (upper.startsWith("WRONGPASS") || upper.contains("INVALID PASSWORD") || upper.contains("INVALID USERNAME-PASSWORD")) {
            return "authentication failed (wrong user or password?): " + detail;
        }
        if (upper.startsWith("NOAUTH")) {
            return "the server requires a password; put it in the URL (redis://:password@host:port): " + detail;
        }
        if (upper.contains("AUTH") && upper.contains("WITHOUT ANY PASSWORD CONFIGURED")) {
            return "a password was given but the server has none configured: " + detail;
        }
        if (upper.contains("DB INDEX IS OUT OF RANGE")) {
            return "the database index in the URL does not exist on this server: " + detail;
        }
        return detail;
    }

    /** The first network exception in the cause chain or among suppressed exceptions (Jedis keeps them there). */
    private static Throwable networkCause(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> queue = new java.util.ArrayDeque<>();
        queue.add(e);
        while (!queue.isEmpty()) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return t;
            }
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            queue.addAll(java.util.Arrays.asList(t.getSuppressed()));
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
