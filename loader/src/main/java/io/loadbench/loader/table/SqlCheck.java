package io.loadbench.loader.table;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.DatasetContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Check} made of SQL probes, each a query returning one number compared with a target: orphan
 * counts (target 0), duplicate counts, NULL counts, shares of a distribution. Shared by the analytics,
 * weather, gateway and commerce datasets.
 */
public final class SqlCheck implements Check {

    /**
     * One measured quantity.
     *
     * @param item      what is measured, e.g. {@code orphaned team_members.team_id}
     * @param sql       a query returning one row with one numeric column (NULL counts as 0)
     * @param expected  target value
     * @param tolerance largest accepted distance from the target
     * @param unit      unit of the numbers
     */
    public record Probe(String item, String sql, double expected, double tolerance, String unit) {

        /** A count that must be exactly zero (orphans, duplicates, NULLs, malformed values). */
        public static Probe zero(String item, String sql) {
            return new Probe(item, sql, 0, 0, "rows");
        }
    }

    private final String name;
    private final List<Probe> probes;

    public SqlCheck(String name, List<Probe> probes) {
        this.name = name;
        this.probes = List.copyOf(probes);
    }

    @Override
    public String name() {
        return name;
    }

    public List<Probe> probes() {
        return probes;
    }

    @Override
    public CheckResult run(DatasetContext context) throws Exception {
        List<CheckResult.Line> lines = new ArrayList<>();
        try (Connection connection = context.openPostgres(); Statement statement = connection.createStatement()) {
            for (Probe probe : probes) {
                try (ResultSet rs = statement.executeQuery(probe.sql())) {
                    double actual = rs.next() ? rs.getDouble(1) : 0;
                    lines.add(new CheckResult.Line(probe.item(), probe.expected(), actual, probe.tolerance(), probe.unit()));
                }
            }
        }
        return new CheckResult(name, lines);
    }

    /** {@code SELECT count(*) FROM child c WHERE NOT EXISTS (parent p WHERE p.key = c.column)}, NULLs excluded. */
    public static Probe orphans(String child, String column, String parent, String parentKey) {
        return Probe.zero("orphaned " + child + "." + column,
                "SELECT count(*) FROM " + child + " c WHERE c." + column + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                        + parent + " p WHERE p." + parentKey + " = c." + column + ")");
    }

    /** Rows whose {@code columns} value occurs more than once. */
    public static Probe duplicates(String table, String columns) {
        return Probe.zero("duplicate " + table + " (" + columns + ")",
                "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM " + table + " GROUP BY " + columns
                        + " HAVING count(*) > 1) d");
    }

    /** Rows with a NULL in {@code column}. */
    public static Probe nulls(String table, String column) {
        return Probe.zero("NULL " + table + "." + column,
                "SELECT count(*) FROM " + table + " WHERE " + column + " IS NULL");
    }

    /** Rows whose {@code column} is not a plausible e-mail address. */
    public static Probe malformedEmails(String table, String column) {
        return Probe.zero("malformed " + table + "." + column,
                "SELECT count(*) FROM " + table + " WHERE " + column
                        + " !~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$'");
    }

    /** The percentage of rows of {@code table} matching {@code condition}. */
    public static Probe sharePercent(String item, String table, String condition, double expectedPercent,
                                     double tolerancePercent) {
        return new Probe(item, "SELECT 100.0 * count(*) FILTER (WHERE " + condition + ") / greatest(count(*), 1) FROM "
                + table, expectedPercent, tolerancePercent, "%");
    }
}
