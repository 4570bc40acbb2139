package io.loadbench.loader.sink.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bookkeeping tables that make loads resumable, created on first use:
 * {@code loadbench_loads} (one row per load id: dataset, plan, completion),
 * {@code loadbench_load_progress} (one row per committed batch, written in the batch's own transaction) and
 * {@code loadbench_load_shards} (one row per shard of a sharded load: its count, run id, pod, completion and the
 * checksums of its slice).
 *
 * <p>Each batch row also records the id of the transaction that committed it ({@code xact_id}, from
 * {@code txid_current()}): the rows that COPY inserted carry that transaction in their {@code xmin}, so the rows of
 * any set of batches can be told apart in the table afterwards ({@code TableChecksums.checksumOfShard}). The column
 * is added to a progress table made by an older loader; its old rows have none.
 */
public final class ProgressTable {

    public static final String LOADS = "loadbench_loads";
    public static final String PROGRESS = "loadbench_load_progress";
    public static final String SHARDS = "loadbench_load_shards";

    /**
     * Columns of the progress table newer than the table itself, added when missing: the batch's transaction id, and
     * when its record was written ({@code committed_at} is the transaction's start, {@code now()}; the two bound the
     * batch's wall time).
     */
    private static final List<String> ADDED_PROGRESS_COLUMNS = List.of("xact_id bigint", "finished_at timestamptz");

    private ProgressTable() {
    }

    /**
     * Creates the bookkeeping tables that are missing. Run it under the preparation lock
     * ({@code DatasetLock.awaitPreparation}): two sessions running {@code CREATE TABLE IF NOT EXISTS} at once may both
     * try to create the table, and one then fails.
     */
    public static void ensureExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + LOADS + " ("
                    + "load_id text PRIMARY KEY, dataset text NOT NULL, plan jsonb NOT NULL, "
                    + "started_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz)");
            s.execute("CREATE TABLE IF NOT EXISTS " + PROGRESS + " ("
                    + "load_id text NOT NULL, table_name text NOT NULL, batch_no bigint NOT NULL, "
                    + "first_row bigint NOT NULL, row_count bigint NOT NULL, bytes bigint NOT NULL, "
                    + "worker integer NOT NULL, committed_at timestamptz NOT NULL DEFAULT now(), "
                    + "PRIMARY KEY (load_id, table_name, batch_no))");
            for (String column : ADDED_PROGRESS_COLUMNS) {
                String name = column.substring(0, column.indexOf(' '));
                if (!hasColumn(c, PROGRESS, name)) {
                    // checked first: ALTER TABLE locks the table even when IF NOT EXISTS makes it a no-op
                    s.execute("ALTER TABLE " + PROGRESS + " ADD COLUMN IF NOT EXISTS " + column);
                }
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + SHARDS + " ("
                    + "load_id text NOT NULL, shard_index integer NOT NULL, shard_count integer NOT NULL, "
                    + "run_id text NOT NULL, pod_uid text, label text, attempts integer NOT NULL DEFAULT 1, "
                    + "first_started_at timestamptz NOT NULL DEFAULT now(), started_at timestamptz NOT NULL DEFAULT now(), "
                    + "completed_at timestamptz, checksums jsonb, PRIMARY KEY (load_id, shard_index))");
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?)"
                + " AND attname = ? AND NOT attisdropped)")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The INSERT each batch transaction runs, after its COPY; a duplicate batch violates the primary key and fails
     * loudly. {@code txid_current()} (rather than {@code pg_current_xact_id()}, PostgreSQL 13+) so any supported server
     * has it; it is the COPY's own transaction, whose id the batch's rows carry.
     */
    static final String INSERT_BATCH = "INSERT INTO " + PROGRESS
            + " (load_id, table_name, batch_no, first_row, row_count, bytes, worker, xact_id, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, txid_current(), clock_timestamp())";

    /** Batches of {@code table} already committed under {@code loadId}. */
    public static BitSet committedBatches(Connection c, String loadId, String table) throws SQLException {
        BitSet committed = new BitSet();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT batch_no FROM " + PROGRESS + " WHERE load_id = ? AND table_name = ?")) {
            ps.setString(1, loadId);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    committed.set(Math.toIntExact(rs.getLong(1)));
                }
            }
        }
        return committed;
    }

    /** Load ids other than {@code loadId} that recorded batches into any of {@code tables}. */
    public static Set<String> otherLoads(Connection c, String loadId, Collection<String> tables) throws SQLException {
        Set<String> others = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT load_id FROM " + PROGRESS
                + " WHERE table_name = ANY (?) AND load_id <> ? ORDER BY 1")) {
            ps.setArray(1, c.createArrayOf("text", tables.toArray()));
            ps.setString(2, loadId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    others.add(rs.getString(1));
                }
            }
        }
        return others;
    }

    public static void recordLoad(Connection c, String loadId, String dataset, String planJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + LOADS
                + " (load_id, dataset, plan) VALUES (?, ?, ?::jsonb) ON CONFLICT (load_id) DO NOTHING")) {
            ps.setString(1, loadId);
            ps.setString(2, dataset);
            ps.setString(3, planJson);
            ps.executeUpdate();
        }
    }

    public static void markCompleted(Connection c, String loadId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + LOADS + " SET completed_at = now() WHERE load_id = ?")) {
            ps.setString(1, loadId);
            ps.executeUpdate();
        }
    }

    /** Forgets every load of {@code dataset} and the batches recorded for {@code tables} (the drop command). */
    public static void forget(Connection c, String dataset, Collection<String> tables) throws SQLException {
        if (!exists(c, PROGRESS)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + PROGRESS + " WHERE table_name = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", tables.toArray()));
            ps.executeUpdate();
        }
        if (exists(c, SHARDS)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + SHARDS + " s USING " + LOADS
                    + " l WHERE s.load_id = l.load_id AND l.dataset = ?")) {
                ps.setString(1, dataset);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + LOADS + " WHERE dataset = ?")) {
            ps.setString(1, dataset);
            ps.executeUpdate();
        }
    }

    public static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
