/**
 * The {@code gateway} dataset (seed 004, load data for an MCP gateway): {@code gw_users}, {@code gw_teams}
 * (one personal team per user plus {@code additional_teams_per_user}), {@code gw_team_members},
 * {@code gw_api_tokens}, {@code gw_gateways}, {@code gw_tools}, {@code gw_resources}, {@code gw_prompts},
 * {@code gw_servers} and {@code gw_audit_logs}, loaded parents first.
 *
 * <p>Scale comes from a profile ({@code --profile small|medium|large|production|massive}, see
 * {@link io.loadbench.loader.datasets.gateway.GatewayProfile}), optionally overridden by the seed's YAML file
 * ({@code --config}, see {@link io.loadbench.loader.datasets.gateway.GatewayConfig}) and by
 * {@code --email-domain}. {@code plan gateway --profile production} prints the seed's benchmark counts
 * (160,000 users, 1,760,000 teams, 10,000,000 team members, 800,000 tokens, 10,000 gateways, 500,000 tools,
 * 16,000,000 resources) without touching a database, because every count is computed, not sampled.
 *
 * <p>Distributions: team sizes follow an exact power law on {@code [members_per_team_min, max]}
 * ({@link io.loadbench.loader.datasets.gateway.TeamSizePlan}); audit-log accesses follow the 80/20 rule over
 * resources (resource 1 the most popular); every {@code created_at}/{@code joined_at} decays exponentially
 * from {@code temporal.end_date} so that {@code recent_data_percent} (80%) of rows fall in the last 30 days.
 *
 * <p>Integrity by construction: every foreign key is computed from the parent's index (a team's owner is
 * {@code team / additional_teams_per_user}; member {@code p} of a team is {@code owner + p·step mod users}
 * with {@code step} coprime to the user count, so a team never lists a user twice), and the foreign keys,
 * unique constraints and indexes are created after the load, where they would fail on a violation.
 * {@code verify} measures FK integrity, uniqueness, required fields, e-mail format, orphans and the three
 * distributions in SQL. {@code drop} removes only the rows whose users have this load's e-mail domain
 * (foreign keys cascade), and drops a table once nothing else lives in it.
 */
package io.loadbench.loader.datasets.gateway;
