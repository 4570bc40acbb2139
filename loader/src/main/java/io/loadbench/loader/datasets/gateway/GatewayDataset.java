package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.distribution.ExponentialDecay;
import io.loadbench.loader.distribution.ParetoRanks;
import io.loadbench.loader.distribution.WeightedChoice;
import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.random.Seeds;
import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.RowWriter;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.table.EmailAddresses;
import io.loadbench.loader.table.TableBuilder;
import net.datafaker.Faker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The gateway dataset (seed 004, an MCP gateway's schema at production scale): users, personal and
 * additional teams, team members, API tokens, gateways, tools, resources, prompts, virtual servers and
 * audit logs. See the package documentation for the layout and its guarantees.
 */
public final class GatewayDataset implements Dataset {

    static final String USERS = "gw_users";
    static final String TEAMS = "gw_teams";
    static final String MEMBERS = "gw_team_members";
    static final String TOKENS = "gw_api_tokens";
    static final String GATEWAYS = "gw_gateways";
    static final String TOOLS = "gw_tools";
    static final String RESOURCES = "gw_resources";
    static final String PROMPTS = "gw_prompts";
    static final String SERVERS = "gw_servers";
    static final String AUDIT_LOGS = "gw_audit_logs";

    private static final int POOL_SIZE = 1_000;
    private static final Duration RECENT = Duration.ofDays(30);

    private final long seed;
    private final GatewaySettings settings;
    private final TeamSizePlan teamSizes;
    private final AffinePermutation teamOrder;
    private final ExponentialDecay ages;
    private final long endMicros;
    private final List<String> firstNames;
    private final List<String> lastNames;
    private final List<String> words;
    private final SortedMap<String, Object> parameters;

    public GatewayDataset(long seed, GatewaySettings settings) {
        this.seed = seed;
        this.settings = settings;
        this.teamSizes = new TeamSizePlan(settings.additionalTeams(), settings.membersPerTeamMin(),
                settings.membersPerTeamMax(), settings.membersPerTeamAvg());
        this.teamOrder = new AffinePermutation(Math.max(1, settings.additionalTeams()), Seeds.derive(seed, "gateway/team-order"));
        Duration window = Duration.between(settings.start(), settings.end());
        this.ages = ExponentialDecay.withShareWithin(settings.recentDataPercent() / 100.0, RECENT, window);
        this.endMicros = settings.end().getEpochSecond() * 1_000_000L;
        Faker faker = new Faker(Locale.ENGLISH, new Random(Seeds.derive(seed, "gateway/pools")));
        this.firstNames = pool(() -> faker.name().firstName());
        this.lastNames = pool(() -> faker.name().lastName());
        this.words = pool(() -> faker.lorem().word().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        SortedMap<String, Object> p = new TreeMap<>();
        p.put("seed", seed);
        p.put("profile", settings.profileName());
        p.put("emailDomain", settings.emailDomain());
        p.put("users", settings.users());
        p.put("additionalTeamsPerUser", settings.additionalTeamsPerUser());
        p.put("membersPerTeamMin", settings.membersPerTeamMin());
        p.put("membersPerTeamMax", settings.membersPerTeamMax());
        p.put("membersPerTeamAvg", settings.membersPerTeamAvg());
        p.put("teamSizeAlpha", Math.round(teamSizes.alpha() * 10_000) / 10_000.0);
        p.put("tokensPerUserAvg", settings.tokensPerUserAvg());
        p.put("gateways", settings.gateways());
        p.put("toolsPerGatewayAvg", settings.toolsPerGatewayAvg());
        p.put("resourcesPerUserAvg", settings.resourcesPerUserAvg());
        p.put("promptsPerUserAvg", settings.promptsPerUserAvg());
        p.put("serversPerUserAvg", settings.serversPerUserAvg());
        p.put("auditLogsPerUserAvg", settings.auditLogsPerUserAvg());
        p.put("startDate", settings.start().toString());
        p.put("endDate", settings.end().toString());
        p.put("recentDataPercent", settings.recentDataPercent());
        this.parameters = p;
    }

    private static List<String> pool(Supplier<String> source) {
        List<String> values = new ArrayList<>(POOL_SIZE);
        while (values.size() < POOL_SIZE) {
            String v = source.get();
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    @Override
    public String name() {
        return "gateway";
    }

    /** Member rows: one owner per personal team plus every additional team's members. */
    public long teamMembers() {
        return settings.users() + teamSizes.members();
    }

    @Override
    public List<TableSpec> tables() {
        List<TableSpec> tables = new ArrayList<>();
        tables.add(usersTable());
        tables.add(teamsTable());
        tables.add(membersTable());
        addIfAny(tables, tokensTable());
        tables.add(gatewaysTable());
        addIfAny(tables, toolsTable());
        tables.add(resourcesTable());
        addIfAny(tables, promptsTable());
        addIfAny(tables, serversTable());
        addIfAny(tables, auditLogsTable());
        return tables;
    }

    private static void addIfAny(List<TableSpec> tables, TableSpec table) {
        if (table.rowCount() > 0) {
            tables.add(table);
        }
    }

    // ---- shared derivations: every child recomputes its parent's values from (seed, parent index) ----

    private long createdAt(RowRandom random) {
        return endMicros - (long) (ages.sampleAgeSeconds(random) * 1_000_000L) - 1;
    }

    /** User {@code u} (0-based)'s first and last name, drawn from the users table's own stream. */
    private String firstName(long u, RowRandom scratch) {
        scratch.reset(Seeds.derive(seed, USERS), u);
        return firstNames.get(scratch.nextInt(firstNames.size()));
    }

    private String lastNameAfterFirst(RowRandom scratch) {
        return lastNames.get(scratch.nextInt(lastNames.size()));
    }

    /** The team id (1-based) of owner {@code u}'s team number {@code c}: 0 the personal team, 1.. its additional teams. */
    private long teamOfOwner(long u, int c) {
        return c == 0 ? u + 1 : settings.users() + u * settings.additionalTeamsPerUser() + (c - 1) + 1;
    }

    /** A team of the owner's, personal or additional, uniformly. */
    private long someTeamOf(long u, RowRandom random) {
        return teamOfOwner(u, random.nextInt(settings.additionalTeamsPerUser() + 1));
    }

    private List<String> withDrop(String table, String ownerPredicate) {
        String domain = settings.emailDomain();
        String foreign = "SELECT 1 FROM " + USERS + " WHERE email NOT LIKE '%@" + domain + "'";
        // only this load's rows go: the table is dropped when nothing else lives in it, else rows are deleted
        return List.of("DO $$ BEGIN IF to_regclass('" + table + "') IS NOT NULL THEN "
                + "IF to_regclass('" + USERS + "') IS NULL OR NOT EXISTS (" + foreign + ") THEN DROP TABLE " + table + " CASCADE; "
                + "ELSE DELETE FROM " + table + " WHERE " + ownerPredicate + "; END IF; END IF; END $$");
    }

    private String domainUsers() {
        return "(SELECT id FROM " + USERS + " WHERE email LIKE '%@" + settings.emailDomain() + "')";
    }

    private String domainTeams() {
        return "(SELECT id FROM " + TEAMS + " WHERE owner_id IN " + domainUsers() + ")";
    }

    private TableSpec usersTable() {
        return TableBuilder.table(USERS).rows(settings.users())
                .column("id", PgType.INT8).column("email", PgType.TEXT).column("full_name", PgType.TEXT)
                .column("is_admin", PgType.BOOL).column("created_at", PgType.TIMESTAMPTZ)
                .primaryKey("id").unique("email", "email").analyze()
                .dropDdl(withDrop(USERS, "email LIKE '%@" + settings.emailDomain() + "'"))
                .randomRows(Seeds.derive(seed, USERS), (row, random, out) -> {
                    String first = firstNames.get(random.nextInt(firstNames.size()));
                    String last = lastNames.get(random.nextInt(lastNames.size()));
                    out.int8(row + 1);
                    out.text(EmailAddresses.of(first, last, row + 1, settings.emailDomain()));
                    out.text(first + " " + last);
                    // the first user is the platform administrator, as in a fresh installation; 1% more are admins
                    out.bool(row == 0 || random.nextBoolean(0.01));
                    out.timestamptz(createdAt(random));
                }).build();
    }

    private TableSpec teamsTable() {
        long teamSeed = Seeds.derive(seed, TEAMS);
        int users = settings.users();
        int perUser = settings.additionalTeamsPerUser();
        return TableBuilder.table(TEAMS).rows(settings.teams())
                .column("id", PgType.INT8).column("name", PgType.TEXT).column("slug", PgType.TEXT)
                .column("owner_id", PgType.INT8).column("is_personal", PgType.BOOL).column("visibility", PgType.TEXT)
                .column("created_at", PgType.TIMESTAMPTZ)
                .primaryKey("id").unique("slug", "slug").foreignKeyCascade("owner_id", USERS, "id")
                .index("owner_idx", "owner_id").analyze()
                .dropDdl(withDrop(TEAMS, "owner_id IN " + domainUsers()))
                .randomRows(teamSeed, (row, random, out) -> {
                    boolean personal = row < users;
                    long owner = personal ? row : (row - users) / perUser;
                    // a personal team is named after its owner, whose name comes from the users table's stream
                    String name = personal ? firstName(owner, random) + " " + lastNameAfterFirst(random) + "'s team"
                            : capitalise(words.get(random.nextInt(words.size()))) + " "
                            + capitalise(words.get(random.nextInt(words.size()))) + " " + (row + 1);
                    random.reset(teamSeed, row);
                    out.int8(row + 1);
                    out.text(name);
                    out.text((personal ? "personal-" : "team-") + (row + 1));
                    out.int8(owner + 1);
                    out.bool(personal);
                    out.text(personal ? "private" : random.nextBoolean(0.3) ? "public" : "private");
                    out.timestamptz(createdAt(random));
                }).build();
    }

    private TableSpec membersTable() {
        long memberSeed = Seeds.derive(seed, MEMBERS);
        long stepSeed = Seeds.derive(seed, "gateway/member-step");
        int users = settings.users();
        int perUser = settings.additionalTeamsPerUser();
        return TableBuilder.table(MEMBERS).rows(teamMembers())
                .column("id", PgType.INT8).column("team_id", PgType.INT8).column("user_id", PgType.INT8)
                .column("role", PgType.TEXT).column("joined_at", PgType.TIMESTAMPTZ)
                .primaryKey("id").unique("team_user", "team_id, user_id")
                .foreignKeyCascade("team_id", TEAMS, "id").foreignKeyCascade("user_id", USERS, "id")
                .index("user_idx", "user_id").analyze()
                .dropDdl(withDrop(MEMBERS, "team_id IN " + domainTeams()))
                .generator(() -> new RowGenerator() {
                    private final RowRandom random = new RowRandom();
                    private final long[] located = new long[2];
                    private long cachedTeam = -1;
                    private long cachedStep;

                    @Override
                    public void generate(long row, RowWriter out) {
                        random.reset(memberSeed, row);
                        long teamId;
                        long userId;
                        String role;
                        if (row < users) {
                            teamId = row + 1;
                            userId = row + 1;
                            role = "owner";
                        } else {
                            teamSizes.locateMember(row - users, located);
                            long j = teamOrder.apply(located[0]);
                            long owner = j / perUser;
                            if (j != cachedTeam) {
                                cachedStep = coprimeStep(stepSeed, j, users);
                                cachedTeam = j;
                            }
                            long position = located[1];
                            teamId = users + j + 1;
                            userId = (owner + position * cachedStep) % users + 1;
                            role = position == 0 ? "owner" : random.nextBoolean(0.1) ? "admin" : "member";
                        }
                        out.int8(row + 1);
                        out.int8(teamId);
                        out.int8(userId);
                        out.text(role);
                        out.timestamptz(createdAt(random));
                    }
                }).build();
    }

    /** A step in [1, users) coprime with users, from (seed, team): members {@code owner + p·step mod users} are distinct. */
    static long coprimeStep(long seed, long team, int users) {
        if (users == 1) {
            return 1;
        }
        long step = 1 + Math.floorMod(Seeds.derive(seed, team), users - 1);
        while (gcd(step, users) != 1) {
            step = step % (users - 1) + 1;
        }
        return step;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private TableSpec tokensTable() {
        long tokenSeed = Seeds.derive(seed, TOKENS);
        return TableBuilder.table(TOKENS).rows(settings.tokens())
                .column("id", PgType.INT8).column("user_id", PgType.INT8).column("name", PgType.TEXT)
                .column("token_hash", PgType.TEXT).column("created_at", PgType.TIMESTAMPTZ)
                .column("expires_at", PgType.TIMESTAMPTZ).nullableColumn("last_used_at", PgType.TIMESTAMPTZ)
                .primaryKey("id").unique("hash", "token_hash").foreignKeyCascade("user_id", USERS, "id")
                .index("user_idx", "user_id").analyze()
                .dropDdl(withDrop(TOKENS, "user_id IN " + domainUsers()))
                .randomRows(tokenSeed, (row, random, out) -> {
                    long created = createdAt(random);
                    out.int8(row + 1);
                    out.int8(random.nextLong(settings.users()) + 1);
                    out.text(words.get(random.nextInt(words.size())) + "-token-" + (row + 1));
                    // the row number makes the hash unique; the random part makes it look like one
                    out.text(hex16(Seeds.mix64(tokenSeed ^ row)) + hex16(row + 1));
                    out.timestamptz(created);
                    out.timestamptz(created + (30L + random.nextInt(335)) * 86_400_000_000L);
                    if (random.nextBoolean(0.7)) {
                        out.timestamptz(created + (long) ((endMicros - created) * random.nextDouble()));
                    } else {
                        out.writeNull();
                    }
                }).build();
    }

    private TableSpec gatewaysTable() {
        WeightedChoice<String> transports = WeightedChoice.of(List.of("streamablehttp", "sse", "stdio"), 60, 30, 10);
        return TableBuilder.table(GATEWAYS).rows(settings.gateways())
                .column("id", PgType.INT8).column("name", PgType.TEXT).column("url", PgType.TEXT)
                .column("transport", PgType.TEXT).column("team_id", PgType.INT8).column("enabled", PgType.BOOL)
                .column("created_at", PgType.TIMESTAMPTZ)
                .primaryKey("id").unique("url", "url").foreignKeyCascade("team_id", TEAMS, "id").analyze()
                .dropDdl(withDrop(GATEWAYS, "team_id IN " + domainTeams()))
                .randomRows(Seeds.derive(seed, GATEWAYS), (row, random, out) -> {
                    String word = words.get(random.nextInt(words.size()));
                    out.int8(row + 1);
                    out.text(capitalise(word) + " gateway " + (row + 1));
                    out.text("https://gw-" + (row + 1) + "." + settings.emailDomain() + "/mcp");
                    out.text(transports.sample(random));
                    out.int8(someTeamOf(random.nextLong(settings.users()), random));
                    out.bool(random.nextBoolean(0.95));
                    out.timestamptz(createdAt(random));
                }).build();
    }

    private TableSpec toolsTable() {
        return TableBuilder.table(TOOLS).rows(settings.tools())
                .column("id", PgType.INT8).column("gateway_id", PgType.INT8).column("name", PgType.TEXT)
                .column("description", PgType.TEXT).column("input_schema", PgType.JSONB).column("created_at", PgType.TIMESTAMPTZ)
                .primaryKey("id").foreignKeyCascade("gateway_id", GATEWAYS, "id")
                .index("gateway_created_idx", "gateway_id, created_at").analyze()
                .dropDdl(withDrop(TOOLS, "gateway_id IN (SELECT id FROM " + GATEWAYS + " WHERE team_id IN " + domainTeams() + ")"))
                .randomRows(Seeds.derive(seed, TOOLS), (row, random, out) -> {
                    String verb = words.get(random.nextInt(words.size()));
                    String noun = words.get(random.nextInt(words.size()));
                    String argument = words.get(random.nextInt(words.size()));
                    out.int8(row + 1);
                    out.int8(random.nextLong(settings.gateways()) + 1);
                    out.text(verb + "_" + noun);
                    out.text("Tool that will " + verb + " the " + noun + " by " + argument);
                    out.jsonb("{\"type\":\"object\",\"properties\":{\"" + argument + "\":{\"type\":\"string\"}},\"required\":[\""
                            + argument + "\"]}");
                    out.timestamptz(createdAt(random));
                }).build();
    }

    private TableSpec resourcesTable() {
        WeightedChoice<String> mimeTypes = WeightedChoice.of(
                List.of("application/json", "text/plain", "text/markdown", "text/csv", "application/pdf"), 40, 25, 20, 10, 5);
        return TableBuilder.table(RESOURCES).rows(settings.resources())
                .column("id", PgType.INT8).column("uri", PgType.TEXT).column("name", PgType.TEXT)
                .column("mime_type", PgType.TEXT).column("team_id", PgType.INT8).column("owner_id", PgType.INT8)
                .column("created_at", PgType.TIMESTAMPTZ)
                .primaryKey("id").unique("uri", "uri")
                .foreignKeyCascade("team_id", TEAMS, "id").foreignKeyCascade("owner_id", USERS, "id")
                .index("team_created_idx", "team_id, created_at").analyze()
                .dropDdl(withDrop(RESOURCES, "owner_id IN " + domainUsers()))
                .randomRows(Seeds.derive(seed, RESOURCES), (row, random, out) -> {
                    long owner = random.nextLong(settings.users());
                    String word = words.get(random.nextInt(words.size()));
                    out.int8(row + 1);
                    out.text("resource://" + settings.emailDomain() + "/" + word + "/" + (row + 1));
                    out.text(capitalise(word) + " " + (row + 1));
                    out.text(mimeTypes.sample(random));
                    out.int8(someTeamOf(owner, random));
                    out.int8(owner + 1);
                    out.timestamptz(createdAt(random));
                }).build();
    }

    /** Prompts and servers: rows owned by a user and shared with one of the owner's teams. */
    private TableBuilder ownedByUsers(String table, long rows) {
        return TableBuilder.table(table).rows(rows).primaryKey("id")
                .foreignKeyCascade("team_id", TEAMS, "id").foreignKeyCascade("owner_id", USERS, "id").analyze()
                .dropDdl(withDrop(table, "owner_id IN " + domainUsers()));
    }

    private TableSpec promptsTable() {
        return ownedByUsers(PROMPTS, settings.prompts())
                .column("id", PgType.INT8).column("name", PgType.TEXT).column("template", PgType.TEXT)
                .column("team_id", PgType.INT8).column("owner_id", PgType.INT8).column("created_at", PgType.TIMESTAMPTZ)
                .randomRows(Seeds.derive(seed, PROMPTS), (row, random, out) -> {
                    long owner = random.nextLong(settings.users());
                    String a = words.get(random.nextInt(words.size()));
                    String b = words.get(random.nextInt(words.size()));
                    out.int8(row + 1);
                    out.text(a + "-" + b + "-" + (row + 1));
                    out.text("Summarise the {{" + a + "}} for the {{" + b + "}} in {{language}}.");
                    out.int8(someTeamOf(owner, random));
                    out.int8(owner + 1);
                    out.timestamptz(createdAt(random));
                }).build();
    }

    private TableSpec serversTable() {
        return ownedByUsers(SERVERS, settings.servers())
                .column("id", PgType.INT8).column("name", PgType.TEXT).column("team_id", PgType.INT8)
                .column("owner_id", PgType.INT8).column("created_at", PgType.TIMESTAMPTZ)
                .randomRows(Seeds.derive(seed, SERVERS), (row, random, out) -> {
                    long owner = random.nextLong(settings.users());
                    out.int8(row + 1);
                    out.text(capitalise(words.get(random.nextInt(words.size()))) + " server " + (row + 1));
                    out.int8(someTeamOf(owner, random));
                    out.int8(owner + 1);
                    out.timestamptz(createdAt(random));
                }).build();
    }

    private TableSpec auditLogsTable() {
        WeightedChoice<String> actions = WeightedChoice.of(List.of("read", "invoke", "update", "create", "delete"), 60, 25, 8, 5, 2);
        ParetoRanks popularity = ParetoRanks.eightyTwenty((int) Math.min(Integer.MAX_VALUE, settings.resources()));
        return TableBuilder.table(AUDIT_LOGS).rows(settings.auditLogs())
                .column("id", PgType.INT8).column("user_id", PgType.INT8).column("action", PgType.TEXT)
                .column("resource_id", PgType.INT8).column("created_at", PgType.TIMESTAMPTZ)
                .primaryKey("id").foreignKeyCascade("user_id", USERS, "id").foreignKeyCascade("resource_id", RESOURCES, "id")
                .index("created_idx", "created_at").analyze()
                .dropDdl(withDrop(AUDIT_LOGS, "user_id IN " + domainUsers() + " OR resource_id IN (SELECT id FROM "
                        + RESOURCES + " WHERE owner_id IN " + domainUsers() + ")"))
                .randomRows(Seeds.derive(seed, AUDIT_LOGS), (row, random, out) -> {
                    out.int8(row + 1);
                    out.int8(random.nextLong(settings.users()) + 1);
                    out.text(actions.sample(random));
                    // resource id = popularity rank + 1: resource 1 is the most accessed (80/20 rule)
                    out.int8(popularity.sample(random) + 1L);
                    out.timestamptz(createdAt(random));
                }).build();
    }

    @Override
    public List<Check> checks() {
        return GatewayChecks.all(this);
    }

    @Override
    public SortedMap<String, Object> parameters() {
        return parameters;
    }

    /** A drop removes the rows of its e-mail domain, so it must name the domain a recorded load used. */
    @Override
    public java.util.Set<String> dropSelector() {
        return java.util.Set.of("emailDomain");
    }

    public GatewaySettings settings() {
        return settings;
    }

    public TeamSizePlan teamSizes() {
        return teamSizes;
    }

    long endMicros() {
        return endMicros;
    }

    /** Sixteen lower-case hex digits, zero-padded. */
    static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
