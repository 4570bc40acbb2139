package io.loadbench.loader.datasets.events;

import io.loadbench.loader.distribution.TopShareRanks;
import io.loadbench.loader.distribution.WeeklyTimeProfile;
import io.loadbench.loader.distribution.WeightedChoice;
import io.loadbench.loader.random.Seeds;
import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code events} dataset for one plan: the table, the shared read-only pools and distributions its
 * generators sample, and its checks.
 *
 * <p>Traffic shape: session start times follow {@link WeeklyTimeProfile#businessHours} (70% of each day's
 * traffic 09:00-17:00 UTC, Saturdays and Sundays at 40% of a weekday), users follow
 * {@link TopShareRanks#eightyTwenty} (20% of users create 80% of events), and a user rank is mapped to a
 * user id through a seeded shuffle ({@link UserIdPermutation}) so heavy users are scattered over the id range.
 */
public final class EventsDataset implements Dataset {

    static final String TABLE = "events";

    static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.notNull("event_id", PgType.INT8),
            ColumnSpec.notNull("user_id", PgType.INT8),
            ColumnSpec.notNull("session_id", PgType.UUID),
            ColumnSpec.notNull("event_type", PgType.TEXT),
            ColumnSpec.notNull("event_time", PgType.TIMESTAMPTZ),
            ColumnSpec.notNull("page_url", PgType.TEXT),
            ColumnSpec.nullable("referrer", PgType.TEXT),
            ColumnSpec.notNull("country_code", PgType.TEXT),
            ColumnSpec.notNull("city", PgType.TEXT),
            ColumnSpec.notNull("device_type", PgType.TEXT),
            ColumnSpec.notNull("browser", PgType.TEXT),
            ColumnSpec.notNull("os", PgType.TEXT),
            ColumnSpec.notNull("properties", PgType.JSONB));

    private final long seed;
    private final long rows;
    private final EventsSettings settings;
    private final LocalDate windowStart;
    private final LocalDate windowEnd;

    final EventsPools pools;
    final TopShareRanks userRanks;
    final UserIdPermutation userIds;
    final WeeklyTimeProfile sessionStarts;
    final WeightedChoice<String> eventTypes = EventsVocabulary.choice(EventsVocabulary.EVENT_TYPES);
    final WeightedChoice<String> countries = EventsVocabulary.choice(EventsVocabulary.COUNTRIES);
    final List<WeightedChoice<String>> citiesByCountry;
    final WeightedChoice<String> devices = EventsVocabulary.choice(EventsVocabulary.DEVICES);
    final List<WeightedChoice<String>> osByDevice;
    final Map<String, WeightedChoice<String>> browserByOs;
    final WeightedChoice<String> referrers = EventsVocabulary.choice(EventsVocabulary.REFERRERS);
    final long blockSeed;
    final long sessionSeed;
    final long rowSeed;

    EventsDataset(DatasetParameters common, EventsSettings settings) {
        this.seed = common.seed();
        this.rows = common.rows();
        this.settings = settings;
        this.windowEnd = settings.endDate();
        this.windowStart = settings.startDate();
        this.pools = new EventsPools(Seeds.derive(seed, "events/pools"));
        this.userRanks = TopShareRanks.eightyTwenty(settings.users());
        this.userIds = new UserIdPermutation(settings.users(), Seeds.derive(seed, "events/user-permutation"));
        Instant start = windowStart.atStartOfDay(ZoneOffset.UTC).toInstant();
        // sessions start at least an hour before the window ends, so their events (at most ~1 h long) stay inside it
        Instant lastSessionStart = windowEnd.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(3600);
        this.sessionStarts = WeeklyTimeProfile.businessHours(start, lastSessionStart, 0.70, 9, 17, 0.40);
        List<WeightedChoice<String>> cities = new ArrayList<>();
        for (List<String> names : EventsVocabulary.CITIES) {
            double[] weights = new double[names.size()];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = 1.0 / (k + 1); // larger cities first, Zipf-like
            }
            cities.add(WeightedChoice.of(names, weights));
        }
        this.citiesByCountry = List.copyOf(cities);
        this.osByDevice = EventsVocabulary.OS_BY_DEVICE.stream().map(EventsVocabulary::choice).toList();
        Map<String, WeightedChoice<String>> browsers = new java.util.HashMap<>();
        EventsVocabulary.BROWSER_BY_OS.forEach((os, shares) -> browsers.put(os, EventsVocabulary.choice(shares)));
        this.browserByOs = Map.copyOf(browsers);
        this.blockSeed = Seeds.derive(seed, "events/blocks");
        this.sessionSeed = Seeds.derive(seed, "events/sessions");
        this.rowSeed = Seeds.derive(seed, "events/rows");
    }

    @Override
    public String name() {
        return EventsDefinition.NAME;
    }

    @Override
    public List<TableSpec> tables() {
        return List.of(new EventsTable());
    }

    @Override
    public List<Check> checks() {
        return EventsChecks.all(this);
    }

    @Override
    public SortedMap<String, Object> parameters() {
        SortedMap<String, Object> p = new TreeMap<>(settings.values());
        p.put("seed", seed);
        p.put("rows", rows);
        return p;
    }

    long rows() {
        return rows;
    }

    int users() {
        return settings.users();
    }

    LocalDate windowStart() {
        return windowStart;
    }

    LocalDate windowEnd() {
        return windowEnd;
    }

    /** Month partitions covering the window: [first day of month, first day of next month). */
    List<LocalDate> partitionMonths() {
        List<LocalDate> months = new ArrayList<>();
        LocalDate month = windowStart.withDayOfMonth(1);
        LocalDate lastDay = windowEnd.minusDays(1);
        while (!month.isAfter(lastDay)) {
            months.add(month);
            month = month.plusMonths(1);
        }
        return months;
    }

    static String partitionName(LocalDate month) {
        return String.format(java.util.Locale.ROOT, "events_p%04d_%02d", month.getYear(), month.getMonthValue());
    }

    private final class EventsTable implements TableSpec {

        @Override
        public String name() {
            return TABLE;
        }

        @Override
        public List<ColumnSpec> columns() {
            return COLUMNS;
        }

        @Override
        public long rowCount() {
            return rows;
        }

        @Override
        public List<String> createDdl() {
            List<String> ddl = new ArrayList<>();
            ddl.add("""
                    CREATE TABLE events (
                        event_id     bigint       NOT NULL,
                        user_id      bigint       NOT NULL,
                        session_id   uuid         NOT NULL,
                        event_type   varchar(20)  NOT NULL,
                        event_time   timestamptz  NOT NULL,
                        page_url     text         NOT NULL,
                        referrer     text,
                        country_code char(2)      NOT NULL,
                        city         varchar(64)  NOT NULL,
                        device_type  varchar(16)  NOT NULL,
                        browser      varchar(32)  NOT NULL,
                        os           varchar(32)  NOT NULL,
                        properties   jsonb        NOT NULL
                    ) PARTITION BY RANGE (event_time)""");
            for (LocalDate month : partitionMonths()) {
                ddl.add("CREATE TABLE " + partitionName(month) + " PARTITION OF events FOR VALUES FROM ('"
                        + month + " 00:00:00+00') TO ('" + month.plusMonths(1) + " 00:00:00+00')");
            }
            // rows outside the window would land here; verification requires it to stay empty
            ddl.add("CREATE TABLE events_default PARTITION OF events DEFAULT");
            return ddl;
        }

        @Override
        public List<String> afterLoadDdl() {
            return List.of(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'events_pkey' "
                            + "AND conrelid = 'events'::regclass) THEN ALTER TABLE events ADD CONSTRAINT events_pkey "
                            + "PRIMARY KEY (event_id, event_time); END IF; END $$",
                    "CREATE INDEX IF NOT EXISTS events_time_idx ON events (event_time)",
                    "CREATE INDEX IF NOT EXISTS events_user_time_idx ON events (user_id, event_time)",
                    "CREATE INDEX IF NOT EXISTS events_type_time_idx ON events (event_type, event_time)",
                    "CREATE INDEX IF NOT EXISTS events_country_idx ON events (country_code)",
                    "ANALYZE events");
        }

        @Override
        public List<String> dropDdl() {
            return List.of("DROP TABLE IF EXISTS events CASCADE");
        }

        @Override
        public RowGenerator newGenerator() {
            return new EventsGenerator(EventsDataset.this);
        }

        @Override
        public String checksumOrderBy() {
            return "event_id";
        }

        @Override
        public long estimatedRowBytes() {
            return 330;
        }
    }
}
