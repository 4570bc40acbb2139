package io.loadbench.loader.run;

import io.loadbench.datastores.ClientTimeouts;
import io.loadbench.loader.sink.postgres.PostgresConnections;
import io.loadbench.results.shard.Shard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * A PostgreSQL session-level advisory lock, held on a connection of its own for as long as the work it guards runs.
 *
 * <ul>
 *   <li>The <em>dataset</em> lock ({@link #acquire}, exclusive) is held by a load, a drop, a restore and the finish
 *   step of a sharded load, so that a second one of the same dataset into the same database and schema is refused at
 *   once instead of interleaving its batches with the first one's. The shards of a sharded load hold it
 *   {@linkplain #acquireShared shared}: they run beside each other, and nothing exclusive runs beside them.</li>
 *   <li>The <em>shard</em> lock ({@link #acquireShard}) keeps two processes from loading the same slice at once (a
 *   retried pod starting while the one it replaces still runs).</li>
 *   <li>The <em>preparation</em> lock ({@link #awaitPreparation}) serialises the short step in which a load creates
 *   the bookkeeping tables and the dataset's tables, so shards that start together never race on a
 *   {@code CREATE TABLE}. It is the only lock that waits, and only for {@link #PREPARATION_WAIT}.</li>
 * </ul>
 *
 * <p>Keys are {@code hashtextextended} of the database, the schema and a name (the sorted table names for the
 * dataset), computed by the server so every client derives the same one. Session-level, so they go with the
 * connection: a loader killed with {@code kill -9} releases them when the server notices the closed socket.
 */
public final class DatasetLock implements AutoCloseable {

    /**
     * How long a load waits for another one's preparation (creating a few tables and partitions takes well under a
     * second; a minute without the lock means a session holds it and is stuck).
     */
    public static final Duration PREPARATION_WAIT = Duration.ofSeconds(60);

    private static final Duration PREPARATION_POLL = Duration.ofMillis(50);

    private static final String KEY = "hashtextextended('loadbench:' || current_database() || ':' || current_schema() || ':' || ?, 0)";

    private final Connection connection;
    private final long key;
    private final boolean shared;

    private DatasetLock(Connection connection, long key, boolean shared) {
        this.connection = connection;
        this.key = key;
        this.shared = shared;
    }

    /**
     * Takes the dataset's lock exclusively or fails at once.
     *
     * @throws LoadInProgressException when another session holds it (naming that session's pid)
     */
    public static DatasetLock acquire(PostgresConnections connections, String dataset, List<String> tables) throws SQLException {
        return acquire(connections, datasetName(dataset, tables), false, (c, key) -> new LoadInProgressException(
                "another load or drop of " + dataset + " is running on this database" + holder(c, key)
                        + "; wait for it to finish, or stop it, then run this command again"));
    }

    /**
     * Takes the dataset's lock shared (a shard of a sharded load) or fails at once when a load, drop or finish holds
     * it exclusively.
     */
    public static DatasetLock acquireShared(PostgresConnections connections, String dataset, List<String> tables) throws SQLException {
        return acquire(connections, datasetName(dataset, tables), true, (c, key) -> new LoadInProgressException(
                "another load or drop of " + dataset + " that is not a shard is running on this database" + holder(c, key)
                        + "; wait for it to finish, or stop it, then run this shard again"));
    }

    /** Takes shard {@code shard.index()}'s lock of the dataset or fails at once. */
    public static DatasetLock acquireShard(PostgresConnections connections, String dataset, List<String> tables,
                                           Shard shard) throws SQLException {
        return acquire(connections, datasetName(dataset, tables) + ":shard:" + shard.index(), false,
                (c, key) -> new LoadInProgressException("shard " + shard + " of " + dataset + " is already running on this "
                        + "database" + holder(c, key) + "; one slice is loaded by one process at a time: wait for it to end, or stop it"));
    }

    /**
     * Takes the preparation lock of the database and schema, waiting at most {@link #PREPARATION_WAIT}.
     *
     * @throws LoadInProgressException when another session held it all that time
     */
    public static DatasetLock awaitPreparation(PostgresConnections connections) throws SQLException {
        long deadline = System.nanoTime() + PREPARATION_WAIT.toNanos();
        while (true) {
            try {
                return acquire(connections, "prepare", false, (c, key) -> new LoadInProgressException(
                        "another loadbench command has been creating tables on this database for "
                                + PREPARATION_WAIT.toSeconds() + " s" + holder(c, key) + "; stop it, then run this command again"));
            } catch (LoadInProgressException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(PREPARATION_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadInProgressException("interrupted while waiting for another loadbench command to create its tables");
            }
        }
    }

    private static String datasetName(String dataset, List<String> tables) {
        return dataset + ":" + String.join(",", new TreeSet<>(tables));
    }

    private interface Refusal {
        LoadInProgressException of(Connection c, long key) throws SQLException;
    }

    private static DatasetLock acquire(PostgresConnections connections, String name, boolean shared, Refusal refusal)
            throws SQLException {
        Connection c = connections.open();
        try {
            long key;
            boolean locked;
            String function = shared ? "pg_try_advisory_lock_shared" : "pg_try_advisory_lock";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY + ", " + function + "(" + KEY + ")")) {
                ps.setString(1, name);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    key = rs.getLong(1);
                    locked = rs.getBoolean(2);
                }
            }
            if (!locked) {
                throw refusal.of(c, key);
            }
            return new DatasetLock(c, key, shared);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** " (PostgreSQL backend pid N holds its lock)", or nothing when the holder is gone already. */
    private static String holder(Connection c, long key) throws SQLException {
        // a bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits), objsubid 1
        try (PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1"
                + " AND classid::bigint = ? AND objid::bigint = ? AND granted AND pid <> pg_backend_pid() ORDER BY pid LIMIT 1")) {
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
            try (PreparedStatement ps = c.prepareStatement(shared ? "SELECT pg_advisory_unlock_shared(?)" : "SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
        }
    }
}
