package io.loadbench.loader.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A content checksum of a table computed in SQL, independent of physical row order, so two loads with the
 * same seed (whatever the worker count or interruptions) give equal checksums, and any changed, missing or
 * duplicated row changes it: the sum over rows of the first 64 bits of {@code md5(row::text)}, as an exact
 * numeric, with the row count. The session is pinned to {@code TimeZone=UTC}, {@code DateStyle=ISO} and
 * {@code extra_float_digits=1} so the row text does not depend on server or client settings.
 */
public final class TableChecksums {

    private TableChecksums() {
    }

    /** {@code "<rows>:<sum>"}, e.g. {@code 1000000:9223...}. */
    public static String checksum(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("SET DateStyle = 'ISO, YMD'");
            s.execute("SET extra_float_digits = 1");
            try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0) FROM "
                    + table + " AS t")) {
                rs.next();
                return rs.getLong(1) + ":" + rs.getBigDecimal(2).toPlainString();
            }
        }
    }
}
