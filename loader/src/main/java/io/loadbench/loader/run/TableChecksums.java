package io.loadbench.loader.run;

import io.loadbench.loader.sink.postgres.ProgressTable;
import io.loadbench.results.shard.Shard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A content checksum of a table computed in SQL, independent of physical row order, so two loads with the
 * same seed (whatever the worker count or interruptions) give equal checksums, and any changed, missing or
 * duplicated row changes it: the sum over rows of the first 64 bits of {@code md5(row::text)}, as an exact
 * numeric, with the row count. The session is pinned to {@code TimeZone=UTC}, {@code DateStyle=ISO} and
 * {@code extra_float_digits=1} so the row text does not depend on server or client settings.
 *
 * <p>Being a sum, it adds up: the checksum of a shard's slice ({@link #checksumOfShard}) is the same sum over the
 * rows that shard's batches inserted, so the slices' checksums of a complete sharded load add up to the table's
 * ({@link #add}).
 */
public final class TableChecksums {

    private static final String AGGREGATE = "SELECT count(*), coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0) FROM ";

    private TableChecksums() {
    }

    /** {@code "<rows>:<sum>"}, e.g. {@code 1000000:9223...}. */
    public static String checksum(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            pinRowText(s);
            try (ResultSet rs = s.executeQuery(AGGREGATE + table + " AS t")) {
                rs.next();
                return rs.getLong(1) + ":" + rs.getBigDecimal(2).toPlainString();
            }
        }
    }

    /**
     * The checksum of the rows of {@code table} that the batches of {@code shard} under {@code loadId} inserted: the
     * rows whose {@code xmin} is the transaction a batch record names (the COPY and its record commit together, so
     * exactly the rows of the recorded batches), whichever process and attempt committed them. One scan of the table.
     *
     * @throws IllegalStateException when a batch of the shard was recorded without its transaction (by a loader that
     *                               predates sharded loads), so its rows cannot be told apart
     */
    public static String checksumOfShard(Connection connection, String table, String loadId, Shard shard) throws SQLException {
        String batchesOfShard = " FROM " + ProgressTable.PROGRESS + " p WHERE p.load_id = ? AND p.table_name = ? AND p.batch_no % ? = ?";
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*)" + batchesOfShard + " AND p.xact_id IS NULL")) {
            bind(ps, table, loadId, shard);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException(rs.getLong(1) + " batch(es) of table " + table + " in shard " + shard
                            + " were recorded by a loader without sharded loads, so their rows cannot be checksummed apart;"
                            + " drop the dataset and load it again");
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            pinRowText(s);
        }
        // xmin is the 32-bit transaction id; txid_current() adds the epoch above it
        try (PreparedStatement ps = connection.prepareStatement(AGGREGATE + table + " AS t WHERE t.xmin IN (SELECT "
                + "(p.xact_id % 4294967296)::text::xid" + batchesOfShard + ")")) {
            bind(ps, table, loadId, shard);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + ":" + rs.getBigDecimal(2).toPlainString();
            }
        }
    }

    /** The checksum of the union of disjoint row sets: counts and sums added. */
    public static String add(String a, String b) {
        String[] x = a.split(":", 2);
        String[] y = b.split(":", 2);
        return (Long.parseLong(x[0]) + Long.parseLong(y[0])) + ":"
                + new BigDecimal(x[1]).add(new BigDecimal(y[1])).toBigIntegerExact();
    }

    /** The checksum of an empty set of rows. */
    public static String empty() {
        return "0:" + BigInteger.ZERO;
    }

    private static void bind(PreparedStatement ps, String table, String loadId, Shard shard) throws SQLException {
        ps.setString(1, loadId);
        ps.setString(2, table);
        ps.setInt(3, shard.count());
        ps.setInt(4, shard.index());
    }

    private static void pinRowText(Statement s) throws SQLException {
        s.execute("SET TimeZone = 'UTC'");
        s.execute("SET DateStyle = 'ISO, YMD'");
        s.execute("SET extra_float_digits = 1");
    }
}
