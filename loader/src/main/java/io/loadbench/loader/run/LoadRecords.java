package io.loadbench.loader.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.loader.sink.postgres.ProgressTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the loader knows about the loads it made on a target, read from the bookkeeping tables of
 * {@link ProgressTable} and from the marker every table it creates carries: a comment
 * {@code loadbench load <load id>}. {@code drop} trusts only these: a table without the marker, or a marker
 * naming no recorded load, was not created by a recorded loadbench load.
 */
public final class LoadRecords {

    /** The start of the comment the loader puts on every table it creates; the load id follows. */
    public static final String TABLE_MARKER = "loadbench load ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadRecords() {
    }

    /** One row of {@code loadbench_loads}: a load id and its plan (dataset parameters plus batch size). */
    public record RecordedLoad(String loadId, JsonNode plan) {

        /** The plan's value of {@code parameter} as text, or null when the plan has none. */
        public String parameter(String parameter) {
            JsonNode value = plan.get(parameter);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    /** Marks {@code table} as created by load {@code loadId}. */
    static void markTable(Connection c, String table, String loadId) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMENT ON TABLE " + table + " IS '" + (TABLE_MARKER + loadId).replace("'", "''") + "'");
        }
    }

    /** The load id in {@code table}'s marker; null when the table is missing or carries no loadbench marker. */
    public static String tableMarker(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT obj_description(to_regclass(?), 'pg_class')")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String comment = rs.getString(1);
                return comment != null && comment.startsWith(TABLE_MARKER) ? comment.substring(TABLE_MARKER.length()) : null;
            }
        }
    }

    /** The recorded loads of {@code dataset}, oldest first; empty when nothing was ever recorded on the target. */
    public static List<RecordedLoad> loadsOf(Connection c, String dataset) throws SQLException {
        List<RecordedLoad> loads = new ArrayList<>();
        if (!ProgressTable.exists(c, ProgressTable.LOADS)) {
            return loads;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT load_id, plan::text FROM " + ProgressTable.LOADS
                + " WHERE dataset = ? ORDER BY started_at, load_id")) {
            ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        loads.add(new RecordedLoad(rs.getString(1), JSON.readTree(rs.getString(2))));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new SQLException("unreadable plan of load " + rs.getString(1) + " in " + ProgressTable.LOADS, e);
                    }
                }
            }
        }
        return loads;
    }

    /**
     * Batches recorded for each of {@code tables} that does not exist any more (dropped by hand, a restored
     * backup without it), keyed by table; empty when every recorded table is there.
     */
    static Map<String, Long> progressOfMissingTables(Connection c, Collection<String> tables) throws SQLException {
        Map<String, Long> stale = new LinkedHashMap<>();
        if (!ProgressTable.exists(c, ProgressTable.PROGRESS)) {
            return stale;
        }
        for (String table : tables) {
            if (ProgressTable.exists(c, table)) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + ProgressTable.PROGRESS
                    + " WHERE table_name = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        stale.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return stale;
    }

    /**
     * Deletes the batches recorded for {@code tables} (which are gone), then every load of {@code dataset} left
     * with no batch at all; one transaction.
     */
    static void clearProgressOf(Connection c, String dataset, Collection<String> tables) throws SQLException {
        inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + ProgressTable.PROGRESS + " WHERE table_name = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("text", tables.toArray()));
                ps.executeUpdate();
            }
            if (ProgressTable.exists(c, ProgressTable.SHARDS)) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + ProgressTable.SHARDS + " s USING "
                        + ProgressTable.LOADS + " l WHERE s.load_id = l.load_id AND l.dataset = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM " + ProgressTable.PROGRESS + " p WHERE p.load_id = l.load_id)")) {
                    ps.setString(1, dataset);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + ProgressTable.LOADS + " l WHERE dataset = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM " + ProgressTable.PROGRESS + " p WHERE p.load_id = l.load_id)")) {
                ps.setString(1, dataset);
                ps.executeUpdate();
            }
        });
    }

    /** Deletes the records (load rows, shards and batches) of exactly {@code loadIds}; one transaction. */
    static void forget(Connection c, Collection<String> loadIds) throws SQLException {
        if (!ProgressTable.exists(c, ProgressTable.LOADS)) {
            return;
        }
        List<String> tables = ProgressTable.exists(c, ProgressTable.SHARDS)
                ? List.of(ProgressTable.PROGRESS, ProgressTable.SHARDS, ProgressTable.LOADS)
                : List.of(ProgressTable.PROGRESS, ProgressTable.LOADS);
        inTransaction(c, () -> {
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE load_id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("text", loadIds.toArray()));
                    ps.executeUpdate();
                }
            }
        });
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection c, SqlWork work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
