package io.loadbench.loader.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadbench.loader.sink.postgres.ProgressTable;
import io.loadbench.results.shard.Shard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of {@code loadbench_load_shards} ({@link ProgressTable#SHARDS}): one per shard of a sharded load, written
 * when the shard starts (its count, run id, pod uid and machine label; the attempt counted), cleared of its
 * completion when it starts again, and completed with the checksum of each table's slice when it ends.
 */
final class ShardRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardRecords() {
    }

    /** One shard's record. {@code checksums} maps table to the checksum of the shard's slice, once complete. */
    record Recorded(Shard shard, String runId, Optional<String> podUid, Optional<String> label, int attempts,
                    Instant firstStartedAt, Instant startedAt, Optional<Instant> completedAt, Map<String, String> checksums) {
    }

    /** The shard records of {@code loadId}, by shard index; empty when there are none (or no shard table). */
    static List<Recorded> of(Connection c, String loadId) throws SQLException {
        List<Recorded> records = new ArrayList<>();
        if (!ProgressTable.exists(c, ProgressTable.SHARDS)) {
            return records;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT shard_index, shard_count, run_id, pod_uid, label, attempts,"
                + " first_started_at, started_at, completed_at, checksums::text FROM " + ProgressTable.SHARDS
                + " WHERE load_id = ? ORDER BY shard_index, shard_count")) {
            ps.setString(1, loadId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> checksums = new LinkedHashMap<>();
                    String json = rs.getString(10);
                    if (json != null) {
                        try {
                            JSON.readTree(json).fields().forEachRemaining(e -> checksums.put(e.getKey(), e.getValue().asText()));
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new SQLException("unreadable checksums of shard " + rs.getInt(1) + " of load " + loadId
                                    + " in " + ProgressTable.SHARDS, e);
                        }
                    }
                    Timestamp completed = rs.getTimestamp(9);
                    // every record was written by a shard whose index and count were validated
                    records.add(new Recorded(new Shard(rs.getInt(1), rs.getInt(2)), rs.getString(3),
                            Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)), rs.getInt(6),
                            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                            Optional.ofNullable(completed).map(Timestamp::toInstant), checksums));
                }
            }
        }
        return records;
    }

    /**
     * Records that {@code shard} starts (again): a new record, or the existing one with one more attempt, this
     * attempt's start, pod uid and label, and no completion (until {@link #complete}). Returns the attempt, 1 for the
     * first.
     */
    static int begin(Connection c, String loadId, Shard shard, String runId, Optional<String> podUid, String label)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ProgressTable.SHARDS
                + " (load_id, shard_index, shard_count, run_id, pod_uid, label) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (load_id, shard_index) DO UPDATE SET attempts = " + ProgressTable.SHARDS + ".attempts + 1,"
                + " started_at = now(), pod_uid = excluded.pod_uid, label = excluded.label, completed_at = NULL, checksums = NULL"
                + " RETURNING attempts")) {
            ps.setString(1, loadId);
            ps.setInt(2, shard.index());
            ps.setInt(3, shard.count());
            ps.setString(4, runId);
            ps.setString(5, podUid.orElse(null));
            ps.setString(6, label);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Records that {@code shard} completed, with the checksum of its slice of every table. */
    static void complete(Connection c, String loadId, Shard shard, Map<String, String> checksums) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + ProgressTable.SHARDS
                + " SET completed_at = now(), checksums = ?::jsonb WHERE load_id = ? AND shard_index = ?")) {
            ps.setString(1, JSON.writeValueAsString(checksums));
            ps.setString(2, loadId);
            ps.setInt(3, shard.index());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the record of shard " + shard + " of load " + loadId + " is gone from "
                        + ProgressTable.SHARDS + " (dropped while the shard ran?)");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Batches committed under {@code loadId} for {@code table} that belong to {@code shard}. */
    static long committedBatches(Connection c, String loadId, String table, Shard shard) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + ProgressTable.PROGRESS
                + " WHERE load_id = ? AND table_name = ? AND batch_no % ? = ?")) {
            ps.setString(1, loadId);
            ps.setString(2, table);
            ps.setInt(3, shard.count());
            ps.setInt(4, shard.index());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * What the batches of {@code table} recorded, per shard of {@code count}: rows, bytes, batches, and the wall time
     * from the first batch's start to the last one's record.
     */
    record SliceFigures(int shard, long rows, long bytes, long batches, double seconds) {
    }

    static List<SliceFigures> figures(Connection c, String loadId, String table, int count) throws SQLException {
        List<SliceFigures> figures = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT batch_no % ?, sum(row_count), sum(bytes), count(*),"
                + " coalesce(extract(epoch FROM max(coalesce(finished_at, committed_at)) - min(committed_at)), 0)"
                + " FROM " + ProgressTable.PROGRESS + " WHERE load_id = ? AND table_name = ? GROUP BY 1 ORDER BY 1")) {
            ps.setInt(1, count);
            ps.setString(2, loadId);
            ps.setString(3, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    figures.add(new SliceFigures(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5)));
                }
            }
        }
        return figures;
    }

    /** Wall time of the COPY of {@code table} over every shard: first batch's start to the last batch's record. */
    static double copySeconds(Connection c, String loadId, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(extract(epoch FROM max(coalesce(finished_at, committed_at))"
                + " - min(committed_at)), 0) FROM " + ProgressTable.PROGRESS + " WHERE load_id = ? AND table_name = ?")) {
            ps.setString(1, loadId);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /** Seconds since the first shard of {@code loadId} first started, by the server's clock. */
    static double secondsSinceFirstStart(Connection c, String loadId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(extract(epoch FROM clock_timestamp() - min(first_started_at)), 0)"
                + " FROM " + ProgressTable.SHARDS + " WHERE load_id = ?")) {
            ps.setString(1, loadId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }
}
