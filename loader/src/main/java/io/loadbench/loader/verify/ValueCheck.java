package io.loadbench.loader.verify;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.DatasetContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Compares one number measured by a SQL query (first column of its single row; NULL reads as NaN, which
 * fails) with a target, within an absolute tolerance.
 */
public final class ValueCheck implements Check {

    private final String name;
    private final String item;
    private final String sql;
    private final double expected;
    private final double tolerance;
    private final String unit;

    public ValueCheck(String name, String item, String sql, double expected, double tolerance, String unit) {
        this.name = name;
        this.item = item;
        this.sql = sql;
        this.expected = expected;
        this.tolerance = tolerance;
        this.unit = unit;
    }

    /** A count that must be exactly zero (orphans, duplicates, out-of-window rows). */
    public static ValueCheck zero(String name, String item, String sql) {
        return new ValueCheck(name, item, sql, 0, 0, "rows");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(DatasetContext context) throws Exception {
        double actual;
        try (Connection c = context.openPostgres(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("check '" + name + "': query returned no row");
            }
            actual = rs.getDouble(1);
            if (rs.wasNull()) {
                actual = Double.NaN;
            }
        }
        return new CheckResult(name, List.of(new CheckResult.Line(item, expected, actual, tolerance, unit)));
    }
}
