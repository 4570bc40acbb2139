package io.loadbench.loader.datasets.events;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.DatasetContext;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The share of events made by the users designed to be the top 20%: their ids go into a temporary table
 * (COPY), and SQL counts the events whose user is in it. This measures the 80/20 rule on exactly the
 * intended population, free of the sampling bias of "top 20% by observed count" when users have few sessions.
 */
final class HeavyUsersShareCheck implements Check {

    private final int[] heavyIds;
    private final double targetPercent;
    private final double tolerancePoints;

    HeavyUsersShareCheck(int[] heavyIds, double targetPercent, double tolerancePoints) {
        this.heavyIds = heavyIds.clone();
        this.targetPercent = targetPercent;
        this.tolerancePoints = tolerancePoints;
    }

    @Override
    public String name() {
        return "pareto 80/20";
    }

    @Override
    public CheckResult run(DatasetContext context) throws Exception {
        StringBuilder ids = new StringBuilder(heavyIds.length * 8);
        for (int id : heavyIds) {
            ids.append(id).append('\n');
        }
        double actual;
        try (Connection c = context.openPostgres(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE loadbench_heavy_users (user_id bigint PRIMARY KEY)");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY loadbench_heavy_users FROM STDIN",
                    new ByteArrayInputStream(ids.toString().getBytes(StandardCharsets.US_ASCII)));
            try (ResultSet rs = s.executeQuery("SELECT 100.0 * count(h.user_id) / nullif(count(*), 0)"
                    + " FROM events AS e LEFT JOIN loadbench_heavy_users AS h USING (user_id)")) {
                rs.next();
                actual = rs.getDouble(1);
                if (rs.wasNull()) {
                    actual = Double.NaN;
                }
            }
            s.execute("DROP TABLE loadbench_heavy_users");
        }
        return new CheckResult(name(), List.of(new CheckResult.Line("share of the heavy 20% users", targetPercent, actual,
                tolerancePoints, "%")));
    }
}
