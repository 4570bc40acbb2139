package io.loadbench.loader.verify;

import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.CheckResult;
import io.loadbench.loader.spi.DatasetContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the share of each category, measured by a SQL query returning {@code (category text, count
 * bigint)} rows, with a target percentage. A category the query does not return counts as 0%; a category
 * it returns that has no target fails with target 0%.
 *
 * <p>Tolerance, in percentage points: the larger of a fixed floor and four standard errors of a share
 * estimated from {@code effectiveSample} independent draws ({@code 4 × sqrt(p(1-p)/n) × 100}). Pass the
 * number of independent choices, e.g. sessions rather than rows when a whole session shares the value.
 */
public final class ShareCheck implements Check {

    private final String name;
    private final String sql;
    private final Map<String, Double> targetPercent;
    private final double floorPoints;
    private final double effectiveSample;

    public ShareCheck(String name, String sql, Map<String, Double> targetPercent, double floorPoints,
                      double effectiveSample) {
        this.name = name;
        this.sql = sql;
        this.targetPercent = new LinkedHashMap<>(targetPercent);
        this.floorPoints = floorPoints;
        this.effectiveSample = effectiveSample;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(DatasetContext context) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        try (Connection c = context.openPostgres(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String category = rs.getString(1);
                long count = rs.getLong(2);
                counts.merge(category == null ? "NULL" : category, count, Long::sum);
                total += count;
            }
        }
        List<CheckResult.Line> lines = new ArrayList<>();
        for (Map.Entry<String, Double> target : targetPercent.entrySet()) {
            double actual = total == 0 ? 0 : 100.0 * counts.getOrDefault(target.getKey(), 0L) / total;
            lines.add(new CheckResult.Line(target.getKey(), target.getValue(), actual, tolerance(target.getValue()), "%"));
        }
        for (Map.Entry<String, Long> seen : counts.entrySet()) {
            if (!targetPercent.containsKey(seen.getKey())) {
                lines.add(new CheckResult.Line(seen.getKey(), 0, 100.0 * seen.getValue() / total, 0, "%"));
            }
        }
        return new CheckResult(name, lines);
    }

    private double tolerance(double percent) {
        double p = percent / 100.0;
        double standardError = Math.sqrt(p * (1 - p) / Math.max(1, effectiveSample)) * 100.0;
        return Math.max(floorPoints, 4 * standardError);
    }
}
