package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.table.SqlCheck;
import io.loadbench.loader.distribution.ParetoRanks;
import io.loadbench.loader.spi.Check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.loadbench.loader.datasets.gateway.GatewayDataset.AUDIT_LOGS;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.GATEWAYS;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.MEMBERS;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.PROMPTS;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.RESOURCES;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.SERVERS;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.TEAMS;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.TOKENS;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.TOOLS;
import static io.loadbench.loader.datasets.gateway.GatewayDataset.USERS;

/**
 * The gateway seed's validation, measured in SQL: foreign-key integrity, uniqueness, required fields,
 * e-mail format, orphaned records and the three distributions (power-law team sizes, compared exactly with
 * the plan; 80/20 resource access; 80% of rows in the last 30 days).
 */
final class GatewayChecks {

    private GatewayChecks() {
    }

    static List<Check> all(GatewayDataset dataset) {
        GatewaySettings s = dataset.settings();
        List<String> tables = dataset.tables().stream().map(t -> t.name()).toList();

        List<SqlCheck.Probe> foreignKeys = new ArrayList<>();
        foreignKeys.add(SqlCheck.orphans(TEAMS, "owner_id", USERS, "id"));
        foreignKeys.add(SqlCheck.orphans(MEMBERS, "team_id", TEAMS, "id"));
        foreignKeys.add(SqlCheck.orphans(MEMBERS, "user_id", USERS, "id"));
        if (tables.contains(TOKENS)) {
            foreignKeys.add(SqlCheck.orphans(TOKENS, "user_id", USERS, "id"));
        }
        foreignKeys.add(SqlCheck.orphans(GATEWAYS, "team_id", TEAMS, "id"));
        if (tables.contains(TOOLS)) {
            foreignKeys.add(SqlCheck.orphans(TOOLS, "gateway_id", GATEWAYS, "id"));
        }
        foreignKeys.add(SqlCheck.orphans(RESOURCES, "team_id", TEAMS, "id"));
        foreignKeys.add(SqlCheck.orphans(RESOURCES, "owner_id", USERS, "id"));
        if (tables.contains(PROMPTS)) {
            foreignKeys.add(SqlCheck.orphans(PROMPTS, "team_id", TEAMS, "id"));
            foreignKeys.add(SqlCheck.orphans(PROMPTS, "owner_id", USERS, "id"));
        }
        if (tables.contains(SERVERS)) {
            foreignKeys.add(SqlCheck.orphans(SERVERS, "team_id", TEAMS, "id"));
            foreignKeys.add(SqlCheck.orphans(SERVERS, "owner_id", USERS, "id"));
        }
        if (tables.contains(AUDIT_LOGS)) {
            foreignKeys.add(SqlCheck.orphans(AUDIT_LOGS, "user_id", USERS, "id"));
            foreignKeys.add(SqlCheck.orphans(AUDIT_LOGS, "resource_id", RESOURCES, "id"));
        }

        List<SqlCheck.Probe> uniqueness = new ArrayList<>();
        for (String table : tables) {
            uniqueness.add(SqlCheck.duplicates(table, "id"));
        }
        uniqueness.add(SqlCheck.duplicates(USERS, "email"));
        uniqueness.add(SqlCheck.duplicates(TEAMS, "slug"));
        uniqueness.add(SqlCheck.duplicates(MEMBERS, "team_id, user_id"));
        if (tables.contains(TOKENS)) {
            uniqueness.add(SqlCheck.duplicates(TOKENS, "token_hash"));
        }
        uniqueness.add(SqlCheck.duplicates(GATEWAYS, "url"));
        uniqueness.add(SqlCheck.duplicates(RESOURCES, "uri"));

        List<SqlCheck.Probe> required = List.of(
                SqlCheck.nulls(USERS, "email"), SqlCheck.nulls(USERS, "full_name"), SqlCheck.nulls(TEAMS, "name"),
                SqlCheck.nulls(TEAMS, "owner_id"), SqlCheck.nulls(MEMBERS, "role"), SqlCheck.nulls(GATEWAYS, "url"),
                SqlCheck.nulls(RESOURCES, "uri"), SqlCheck.nulls(RESOURCES, "created_at"));

        List<SqlCheck.Probe> emails = List.of(
                SqlCheck.malformedEmails(USERS, "email"),
                SqlCheck.Probe.zero("users outside the e-mail domain " + s.emailDomain(),
                        "SELECT count(*) FROM " + USERS + " WHERE email NOT LIKE '%@" + s.emailDomain() + "'"));

        List<SqlCheck.Probe> orphans = List.of(
                SqlCheck.Probe.zero("teams without members", "SELECT count(*) FROM " + TEAMS + " t WHERE NOT EXISTS"
                        + " (SELECT 1 FROM " + MEMBERS + " m WHERE m.team_id = t.id)"),
                SqlCheck.Probe.zero("teams whose owner is not their member with role owner", "SELECT count(*) FROM " + TEAMS
                        + " t WHERE NOT EXISTS (SELECT 1 FROM " + MEMBERS + " m WHERE m.team_id = t.id AND m.user_id = t.owner_id"
                        + " AND m.role = 'owner')"),
                SqlCheck.Probe.zero("users without a personal team", "SELECT count(*) FROM " + USERS + " u WHERE NOT EXISTS"
                        + " (SELECT 1 FROM " + TEAMS + " t WHERE t.owner_id = u.id AND t.is_personal)"));

        List<SqlCheck.Probe> distributions = new ArrayList<>();
        TeamSizePlan plan = dataset.teamSizes();
        long additional = s.additionalTeams();
        if (additional > 0) {
            String sizes = "(SELECT count(*) AS n FROM " + MEMBERS + " m JOIN " + TEAMS + " t ON t.id = m.team_id"
                    + " WHERE NOT t.is_personal GROUP BY m.team_id) sizes";
            int[][] bands = {{1, 5, 80}, {6, 20, 15}, {21, 49, 0}, {50, 100, 5}};
            for (int[] band : bands) {
                if (band[0] > plan.max()) {
                    continue;
                }
                double expected = 100.0 * plan.teamsSized(band[0], band[1]) / additional;
                String label = "additional teams with " + band[0] + "-" + band[1] + " members"
                        + (band[2] > 0 ? " (seed: about " + band[2] + "%)" : "");
                distributions.add(new SqlCheck.Probe(label, "SELECT 100.0 * count(*) FILTER (WHERE n BETWEEN " + band[0]
                        + " AND " + band[1] + ") / " + additional + " FROM " + sizes, expected, 0.001, "%"));
            }
        }
        if (tables.contains(AUDIT_LOGS)) {
            long resources = s.resources();
            long top = resources / 5;
            ParetoRanks ranks = ParetoRanks.eightyTwenty((int) Math.min(Integer.MAX_VALUE, resources));
            double p = ranks.expectedShareOfTop((double) top / resources);
            distributions.add(new SqlCheck.Probe("audit accesses on the top 20% of resources (80/20 rule)",
                    "SELECT 100.0 * count(*) FILTER (WHERE resource_id <= " + top + ") / greatest(count(*), 1) FROM " + AUDIT_LOGS,
                    100 * p, tolerance(p, s.auditLogs()), "%"));
        }
        Instant recentFrom = s.end().minusSeconds(30L * 86_400);
        double recent = s.recentDataPercent() / 100;
        distributions.add(new SqlCheck.Probe("resources created in the last 30 days",
                "SELECT 100.0 * count(*) FILTER (WHERE created_at >= '" + recentFrom + "') / greatest(count(*), 1) FROM " + RESOURCES,
                100 * recent, tolerance(recent, s.resources()), "%"));
        distributions.add(new SqlCheck.Probe("team members who joined in the last 30 days",
                "SELECT 100.0 * count(*) FILTER (WHERE joined_at >= '" + recentFrom + "') / greatest(count(*), 1) FROM " + MEMBERS,
                100 * recent, tolerance(recent, dataset.teamMembers()), "%"));

        return List.of(new SqlCheck("gateway foreign keys", foreignKeys), new SqlCheck("gateway uniqueness", uniqueness),
                new SqlCheck("gateway required fields", required), new SqlCheck("gateway e-mail format", emails),
                new SqlCheck("gateway orphaned records", orphans), new SqlCheck("gateway distributions", distributions));
    }

    /** Five standard errors of a sampled share, in percentage points, plus 0.1 for rounding. */
    private static double tolerance(double p, long n) {
        return 100 * 5 * Math.sqrt(p * (1 - p) / Math.max(1, n)) + 0.1;
    }
}
