package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.distribution.ParetoRanks;
import io.loadbench.loader.distribution.WeightedChoice;
import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.random.Seeds;
import io.loadbench.loader.sink.redis.RedisAddress;
import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.MutableData;
import io.loadbench.loader.spi.OutputStep;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.RowWriter;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.table.Apportionment;
import io.loadbench.loader.table.EmailAddresses;
import io.loadbench.loader.table.SqlCheck;
import io.loadbench.loader.table.TableBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The analytics dataset (seed 002): organisations, their users and their events in PostgreSQL, and the
 * counters and warmed cache entries of a dashboard in Redis. See the package documentation.
 */
public final class AnalyticsDataset implements Dataset {

    static final String ORGS = "analytics_orgs";
    static final String USERS = "analytics_users";
    static final String EVENTS = "analytics_events";

    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private final long seed;
    private final long events;
    private final AnalyticsSettings settings;
    private final AnalyticsLayout layout;
    private final AnalyticsPools pools;
    private final Function<DatasetContext, RedisAddress> redisAddress;
    private final SortedMap<String, Object> parameters;

    /**
     * @param redisAddress how to find the target's Redis from a context (the Redis fill opens its own
     *                     pipelined connection)
     */
    public AnalyticsDataset(DatasetParameters common, AnalyticsSettings settings,
                            Function<DatasetContext, RedisAddress> redisAddress) {
        this.seed = common.seed();
        this.events = common.rows();
        this.settings = settings;
        this.layout = new AnalyticsLayout(seed, events, settings);
        this.pools = new AnalyticsPools(seed);
        this.redisAddress = redisAddress;
        SortedMap<String, Object> p = new TreeMap<>();
        p.put("seed", seed);
        p.put("rows", events);
        p.put("orgs", settings.orgs());
        p.put("usersPerOrg", settings.usersPerOrg());
        p.put("timeBuckets", settings.timeBuckets());
        p.put("ttlSeconds", settings.ttlSeconds());
        p.put("redisType", settings.redisType().optionValue());
        p.put("cacheHitTargetPercent", settings.cacheHitTargetPercent());
        p.put("keyPrefix", settings.keyPrefix());
        p.put("windowStart", settings.windowStart().toString());
        this.parameters = p;
    }

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public List<TableSpec> tables() {
        return List.of(orgsTable(), usersTable(), eventsTable());
    }

    @Override
    public List<OutputStep> outputSteps() {
        AnalyticsRedisFill fill = new AnalyticsRedisFill(layout, redisAddress);
        return settings.respOut() == null ? List.of(fill) : List.of(fill.commandFile(settings.respOut()), fill);
    }

    @Override
    public List<Check> checks() {
        List<SqlCheck.Probe> integrity = List.of(
                SqlCheck.orphans(USERS, "org_id", ORGS, "org_id"),
                SqlCheck.orphans(EVENTS, "user_id", USERS, "user_id"),
                SqlCheck.Probe.zero("events whose org_id differs from their user's",
                        "SELECT count(*) FROM " + EVENTS + " e JOIN " + USERS + " u ON u.user_id = e.user_id"
                                + " WHERE u.org_id <> e.org_id"),
                SqlCheck.duplicates(USERS, "email"),
                SqlCheck.malformedEmails(USERS, "email"));
        List<SqlCheck.Probe> mix = new ArrayList<>();
        for (EventType type : EventType.all()) {
            // the layout apportions types per organisation exactly, so the share is within orgs/events of the target
            mix.add(SqlCheck.sharePercent("event_type " + type.code(), EVENTS, "event_type = '" + type.code() + "'",
                    type.sharePercent(), 0.25));
        }
        return List.of(new SqlCheck("analytics integrity", integrity),
                new SqlCheck("analytics event mix", mix));
    }

    /** The Redis content: counters that live events INCR and cache entries a workload writes and that expire. */
    @Override
    public List<MutableData> mutableData() {
        return List.of(new AnalyticsRedisState(new AnalyticsRedisFill(layout, redisAddress), new AnalyticsRedisCheck(layout)));
    }

    @Override
    public SortedMap<String, Object> parameters() {
        return parameters;
    }

    /** A drop removes keys under its prefix, so it must name the prefix a recorded load used. */
    @Override
    public java.util.Set<String> dropSelector() {
        return java.util.Set.of("keyPrefix");
    }

    private TableSpec orgsTable() {
        WeightedChoice<String> plans = WeightedChoice.of(List.of("free", "team", "business", "enterprise"), 50, 30, 15, 5);
        long windowStartMicros = settings.windowStart().getEpochSecond() * 1_000_000L;
        return TableBuilder.table(ORGS).rows(settings.orgs())
                .column("org_id", PgType.INT4).column("name", PgType.TEXT).column("plan", PgType.TEXT)
                .column("created_at", PgType.TIMESTAMPTZ)
                .primaryKey("org_id").analyze()
                .randomRows(Seeds.derive(seed, ORGS), (row, random, out) -> {
                    out.int4((int) row + 1);
                    out.text(pools.companies.get(random.nextInt(pools.companies.size())));
                    out.text(plans.sample(random));
                    out.timestamptz(windowStartMicros - random.nextLong(3 * 365 * MICROS_PER_DAY));
                }).build();
    }

    private TableSpec usersTable() {
        WeightedChoice<String> roles = WeightedChoice.of(List.of("viewer", "member", "admin", "owner"), 55, 35, 8, 2);
        long windowStartMicros = settings.windowStart().getEpochSecond() * 1_000_000L;
        int usersPerOrg = settings.usersPerOrg();
        return TableBuilder.table(USERS).rows(settings.users())
                .column("user_id", PgType.INT8).column("org_id", PgType.INT4).column("email", PgType.TEXT)
                .column("name", PgType.TEXT).column("role", PgType.TEXT).column("created_at", PgType.TIMESTAMPTZ)
                .primaryKey("user_id").foreignKey("org_id", ORGS, "org_id").index("org_id_idx", "org_id").analyze()
                .randomRows(Seeds.derive(seed, USERS), (row, random, out) -> {
                    long userId = row + 1;
                    int orgId = (int) (row / usersPerOrg) + 1;
                    String first = pools.firstNames.get(random.nextInt(pools.firstNames.size()));
                    String last = pools.lastNames.get(random.nextInt(pools.lastNames.size()));
                    out.int8(userId);
                    out.int4(orgId);
                    out.text(EmailAddresses.of(first, last, userId, "org" + orgId + ".example.com"));
                    out.text(first + " " + last);
                    out.text(roles.sample(random));
                    out.timestamptz(windowStartMicros - random.nextLong(2 * 365 * MICROS_PER_DAY));
                }).build();
    }

    private TableSpec eventsTable() {
        return TableBuilder.table(EVENTS).rows(events)
                .column("event_id", PgType.INT8).column("org_id", PgType.INT4).column("user_id", PgType.INT8)
                .column("event_type", PgType.TEXT).column("hour_bucket", PgType.INT2)
                .column("occurred_at", PgType.TIMESTAMPTZ).column("session_id", PgType.UUID)
                .column("properties", PgType.JSONB)
                .primaryKey("event_id").foreignKey("user_id", USERS, "user_id")
                .index("org_bucket_idx", "org_id, hour_bucket, event_type").analyze()
                .generator(EventGenerator::new).build();
    }

    /** Generates events; caches the cell layout of the organisation it is in (rows arrive in runs). */
    private final class EventGenerator implements RowGenerator {

        private final long eventSeed = Seeds.derive(seed, EVENTS);
        private final RowRandom random = new RowRandom();
        private final ParetoRanks userRanks = ParetoRanks.eightyTwenty(settings.usersPerOrg());
        private final WeightedChoice<String> devices =
                WeightedChoice.of(List.of("desktop", "mobile", "tablet"), 55, 38, 7);
        private final WeightedChoice<String> countries =
                WeightedChoice.of(List.of("US", "GB", "DE", "FR", "IN", "BR", "JP", "CA"), 40, 10, 9, 7, 12, 8, 6, 8);
        private final long windowStartMicros = settings.windowStart().getEpochSecond() * 1_000_000L;
        private final StringBuilder json = new StringBuilder(160);
        private final int cellsPerOrg = EventType.all().length * settings.timeBuckets();
        private int cachedOrg = -1;
        private long[] cellPrefix;

        @Override
        public void generate(long rowIndex, RowWriter out) {
            int org = layout.orgOf(rowIndex);
            if (org != cachedOrg) {
                long[][] cells = layout.cellsOf(org);
                long[] flat = new long[cellsPerOrg];
                for (int t = 0; t < cells.length; t++) {
                    System.arraycopy(cells[t], 0, flat, t * settings.timeBuckets(), settings.timeBuckets());
                }
                cellPrefix = Apportionment.prefixSums(flat);
                cachedOrg = org;
            }
            int cell = Apportionment.blockOf(cellPrefix, rowIndex - layout.firstEventOf(org));
            EventType type = EventType.all()[cell / settings.timeBuckets()];
            int bucket = cell % settings.timeBuckets();
            random.reset(eventSeed, rowIndex);
            long userId = (long) org * settings.usersPerOrg() + userRanks.sample(random) + 1;
            long occurredAt = windowStartMicros + bucket * MICROS_PER_HOUR + random.nextLong(MICROS_PER_HOUR);
            out.int8(rowIndex + 1);
            out.int4(org + 1);
            out.int8(userId);
            out.text(type.code());
            out.int2((short) bucket);
            out.timestamptz(occurredAt);
            out.uuid((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
            json.setLength(0);
            json.append("{\"path\":\"").append(pools.paths.get(random.nextInt(pools.paths.size())))
                    .append("\",\"device\":\"").append(devices.sample(random))
                    .append("\",\"country\":\"").append(countries.sample(random)).append('"');
            if (type == EventType.PURCHASE) {
                json.append(",\"amount_cents\":").append(500 + random.nextInt(49_500));
            }
            json.append('}');
            out.jsonb(json.toString());
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "analytics(%d orgs, %d users/org, %d events)", settings.orgs(),
                settings.usersPerOrg(), events);
    }
}
