package io.loadbench.loader.run;

import io.loadbench.datastores.ClientTimeouts;
import io.loadbench.loader.sink.postgres.PostgresConnections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

/**
 * A PostgreSQL session-level advisory lock on one dataset's tables, held on a connection of its own for as
 * long as a load (or a drop) of the dataset runs, so that a second load of the same dataset into the same
 * database and schema is refused at once instead of interleaving its batches with the first one's.
 *
 * <p>The key is {@code hashtextextended} of the database, the schema and the sorted table names, computed by
 * the server so every client derives the same one. Session-level, so it goes with the connection: a loader
 * killed with {@code kill -9} releases it when the server notices the closed socket.
 */
public final class DatasetLock implements AutoCloseable {

    private static final String KEY = "hashtextextended('loadbench:' || current_database() || ':' || current_schema() || ':' || ?, 0)";

    private final Connection connection;
    private final long key;

    private DatasetLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock or fails at once.
     *
     * @throws LoadInProgressException when another session holds it (naming that session's pid)
     */
    public static DatasetLock acquire(PostgresConnections connections, String dataset, List<String> tables) throws SQLException {
        String name = dataset + ":" + String.join(",", new TreeSet<>(tables));
        Connection c = connections.open();
        try {
            long key;
            boolean locked;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY + ", pg_try_advisory_lock(" + KEY + ")")) {
                ps.setString(1, name);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    key = rs.getLong(1);
                    locked = rs.getBoolean(2);
                }
            }
            if (!locked) {
                throw new LoadInProgressException("another load or drop of " + dataset + " is running on this database"
                        + holder(c, key) + "; wait for it to finish, or stop it, then run this command again");
            }
            return new DatasetLock(c, key);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** " (PostgreSQL backend pid N holds its lock)", or nothing when the holder is gone already. */
    private static String holder(Connection c, long key) throws SQLException {
        // a bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits), objsubid 1
        try (PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1"
                + " AND classid::bigint = ? AND objid::bigint = ? AND granted LIMIT 1")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? " (PostgreSQL backend pid " + rs.getInt(1) + " holds its lock)" : "";
            }
        }
    }

    /**
     * Releases the lock, waiting at most {@link ClientTimeouts#SHORT_STATEMENT_TIMEOUT} for the server: a load that
     * failed because the server froze must not hang here. Closing the connection releases the lock too (the session
     * ends); the explicit unlock only makes it free at once for the next command.
     */
    @Override
    public void close() throws SQLException {
        try (Connection c = connection) {
            ClientTimeouts.forShortStatements(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
        }
    }
}
