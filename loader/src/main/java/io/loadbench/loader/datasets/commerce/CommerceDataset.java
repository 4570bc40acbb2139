package io.loadbench.loader.datasets.commerce;

import io.loadbench.loader.distribution.WeightedChoice;
import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.random.Seeds;
import io.loadbench.loader.sink.file.FileExport;
import io.loadbench.loader.sink.file.FileFormat;
import io.loadbench.loader.sink.file.IndexMapping;
import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.OutputStep;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.RowWriter;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.table.TableBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The commerce dataset (seed 001): e-commerce transactions with response times, status, error types and
 * infrastructure metrics, over {@code --days} days of the seed's daily traffic schedule with incidents and
 * recovery periods. Loaded into PostgreSQL ({@code commerce_transactions}) and, with {@code --out DIR},
 * also written as OpenSearch/Elasticsearch {@code _bulk} NDJSON with its index mapping, and as CSV.
 */
public final class CommerceDataset implements Dataset {

    static final String TRANSACTIONS = "commerce_transactions";
    /** The seed's index name. */
    public static final String INDEX = "ecommerce_performance_demo";
    /** The seed's time field. */
    static final Map<String, String> RENAMES = Map.of("event_time", "@timestamp");
    static final List<String> FULL_TEXT = List.of("error_message");

    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final int NORMAL_MIN_MS = 200;
    private static final int NORMAL_MAX_MS = 800;

    private final CommerceSettings settings;
    private final CommerceTimeline timeline;
    private final SortedMap<String, Object> parameters;

    public CommerceDataset(DatasetParameters common, CommerceSettings settings) {
        this.settings = settings;
        this.timeline = new CommerceTimeline(common.seed(), settings);
        SortedMap<String, Object> p = new TreeMap<>();
        p.put("seed", common.seed());
        p.put("rows", timeline.transactions());
        p.put("days", settings.days());
        p.put("incidentsPerDay", settings.incidentsPerDayMin() + "-" + settings.incidentsPerDayMax());
        p.put("incidents", timeline.incidents().size());
        p.put("baseTps", settings.baseTps());
        p.put("peakMultiplier", settings.peakMultiplier());
        p.put("errorRateNormalPercent", settings.errorRateNormalMinPercent() + "-" + settings.errorRateNormalMaxPercent());
        p.put("errorRateIncidentPercent", settings.errorRateIncidentMinPercent() + "-" + settings.errorRateIncidentMaxPercent());
        p.put("start", settings.start().toString());
        p.put("out", settings.out() == null ? null : settings.out().toString());
        p.put("formats", settings.fileFormats().stream().map(FileFormat::extension).toList().toString());
        p.put("gzip", settings.gzip());
        this.parameters = p;
    }

    public CommerceTimeline timeline() {
        return timeline;
    }

    @Override
    public String name() {
        return "commerce";
    }

    @Override
    public SortedMap<String, Object> parameters() {
        return parameters;
    }

    @Override
    public List<TableSpec> tables() {
        return List.of(transactionsTable());
    }

    static List<ColumnSpec> columns() {
        return List.of(
                ColumnSpec.notNull("id", PgType.INT8),
                ColumnSpec.notNull("transaction_id", PgType.UUID),
                ColumnSpec.notNull("event_time", PgType.TIMESTAMPTZ),
                ColumnSpec.notNull("service", PgType.TEXT),
                ColumnSpec.notNull("endpoint", PgType.TEXT),
                ColumnSpec.notNull("http_method", PgType.TEXT),
                ColumnSpec.notNull("status", PgType.TEXT),
                ColumnSpec.notNull("http_status", PgType.INT2),
                ColumnSpec.notNull("response_time_ms", PgType.INT4),
                ColumnSpec.nullable("error_type", PgType.TEXT),
                ColumnSpec.nullable("error_message", PgType.TEXT),
                ColumnSpec.notNull("period", PgType.TEXT),
                ColumnSpec.nullable("incident_id", PgType.TEXT),
                ColumnSpec.nullable("incident_type", PgType.TEXT),
                ColumnSpec.notNull("customer_id", PgType.TEXT),
                ColumnSpec.nullable("amount", PgType.NUMERIC),
                ColumnSpec.nullable("payment_method", PgType.TEXT),
                ColumnSpec.notNull("region", PgType.TEXT),
                ColumnSpec.notNull("host", PgType.TEXT),
                ColumnSpec.notNull("cpu_percent", PgType.FLOAT8),
                ColumnSpec.notNull("memory_percent", PgType.FLOAT8),
                ColumnSpec.notNull("db_pool_active", PgType.INT2),
                ColumnSpec.notNull("db_pool_max", PgType.INT2),
                ColumnSpec.notNull("thread_pool_active", PgType.INT2),
                ColumnSpec.notNull("gc_pause_ms", PgType.INT4),
                ColumnSpec.notNull("circuit_breaker_state", PgType.TEXT),
                ColumnSpec.notNull("upstream_latency_ms", PgType.INT4));
    }

    private TableSpec transactionsTable() {
        return TableBuilder.table(TRANSACTIONS).rows(timeline.transactions()).columns(columns())
                .primaryKey("id").index("time_idx", "event_time")
                .afterLoad("CREATE INDEX IF NOT EXISTS " + TRANSACTIONS + "_slow_errors_idx ON " + TRANSACTIONS
                        + " (event_time) WHERE status = 'error' AND response_time_ms >= 5000")
                .analyze()
                .generator(() -> new TransactionGenerator(settings, timeline)).build();
    }

    @Override
    public List<OutputStep> outputSteps() {
        Path outDirectory = settings.out();
        if (outDirectory == null) {
            return List.of();
        }
        List<OutputStep> steps = new ArrayList<>();
        TableSpec table = transactionsTable();
        for (FileFormat format : settings.fileFormats()) {
            Path file = outDirectory.resolve(TRANSACTIONS + "." + format.extension() + (settings.gzip() ? ".gz" : ""));
            steps.add(new FileStep(new FileExport.Spec(table, format, file, settings.gzip(), RENAMES, INDEX, "transaction_id"),
                    format == FileFormat.BULK ? outDirectory.resolve(TRANSACTIONS + ".mapping.json") : null));
        }
        return steps;
    }

    /** The index mapping for the NDJSON documents ({@code PUT /ecommerce_performance_demo}). */
    public static String indexMapping() {
        return IndexMapping.json(columns(), RENAMES, FULL_TEXT);
    }

    @Override
    public List<Check> checks() {
        return CommerceChecks.all(this, settings, timeline);
    }

    /** One file of {@code --out}: written after the table, removed by drop. */
    private record FileStep(FileExport.Spec spec, Path mappingFile) implements OutputStep {

        @Override
        public String name() {
            return "file:" + spec.file().getFileName();
        }

        @Override
        public long units() {
            return spec.table().rowCount();
        }

        @Override
        public String unit() {
            return "rows";
        }

        @Override
        public long run(DatasetContext context) {
            if (mappingFile != null) {
                FileExport.writeText(mappingFile, indexMapping());
            }
            return FileExport.write(spec, context.workers(), context::progress).fileBytes();
        }

        @Override
        public void checkReady(DatasetContext context) {
            OutputStep.requireWritableDirectory("--out", spec.file().toAbsolutePath().getParent());
        }

        @Override
        public void drop(DatasetContext context) throws Exception {
            Files.deleteIfExists(spec.file());
            if (mappingFile != null) {
                Files.deleteIfExists(mappingFile);
            }
        }
    }

    /** Generates transactions; see the package documentation for the model. */
    static final class TransactionGenerator implements RowGenerator {

        private static final List<String> SERVICES =
                List.of("catalog-service", "cart-service", "checkout-service", "payment-service", "user-service");
        private static final String[][] ENDPOINTS = {
                {"GET", "/api/products"}, {"POST", "/api/cart/items"}, {"POST", "/api/checkout"},
                {"POST", "/api/payments/authorize"}, {"POST", "/api/users/login"}};
        private static final String[][] NORMAL_ERRORS = {
                {"validation_error", "400", "Request validation failed: missing field 'quantity'"},
                {"payment_declined", "402", "Card declined by issuer"},
                {"not_found", "404", "Product not found"},
                {"internal_error", "500", "Unexpected error while processing request"},
                {"timeout", "504", "Request timed out after 10000 ms"}};

        private final CommerceSettings settings;
        private final CommerceTimeline timeline;
        private final long seed;
        private final long hourSeed;
        private final RowRandom random = new RowRandom();
        private final RowRandom hourRandom = new RowRandom();
        private final WeightedChoice<Integer> services = WeightedChoice.of(List.of(0, 1, 2, 3, 4), 35, 25, 15, 12, 13);
        private final WeightedChoice<Integer> normalErrors = WeightedChoice.of(List.of(0, 1, 2, 3, 4), 30, 25, 20, 15, 10);
        private final WeightedChoice<String> regions =
                WeightedChoice.of(List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"), 40, 25, 25, 10);
        private final WeightedChoice<String> paymentMethods =
                WeightedChoice.of(List.of("card", "paypal", "apple_pay", "google_pay", "bank_transfer"), 55, 20, 12, 10, 3);
        private final long startMicros;

        TransactionGenerator(CommerceSettings settings, CommerceTimeline timeline) {
            this.settings = settings;
            this.timeline = timeline;
            this.seed = Seeds.derive(timeline.seed(), TRANSACTIONS);
            this.hourSeed = Seeds.derive(timeline.seed(), "commerce/hourly-error-rate");
            this.startMicros = settings.start().getEpochSecond() * 1_000_000L;
        }

        /** The normal-operation error rate of an hour: uniform in {@code --error-rate-normal}, fixed per hour. */
        double normalErrorRate(int minute) {
            hourRandom.reset(hourSeed, minute / 60);
            return (settings.errorRateNormalMinPercent() + hourRandom.nextDouble()
                    * (settings.errorRateNormalMaxPercent() - settings.errorRateNormalMinPercent())) / 100;
        }

        @Override
        public void generate(long row, RowWriter out) {
            int minute = timeline.minuteOf(row);
            long inMinute = row - timeline.firstTransactionOf(minute);
            long perMinute = timeline.transactionsIn(minute);
            random.reset(seed, row);
            long spacing = MICROS_PER_MINUTE / perMinute;
            long eventTime = startMicros + minute * MICROS_PER_MINUTE + inMinute * spacing + random.nextLong(Math.max(1, spacing));
            int service = services.sample(random);
            CommerceTimeline.Incident incident = timeline.incidentAt(minute);
            double normalRate = normalErrorRate(minute);

            // how far into an incident (1 = full incident, falling to 0 through the recovery period)
            String period = "normal";
            double impact = 0;
            double progress = 0;
            if (incident != null) {
                double at = minute + (double) inMinute / perMinute;
                if (minute < incident.endMinute()) {
                    period = "incident";
                    impact = 1;
                    progress = (at - incident.startMinute()) / incident.durationMinutes();
                } else {
                    period = "recovery";
                    impact = 1 - (at - incident.endMinute()) / incident.recoveryMinutes();
                    progress = 1;
                }
            }
            IncidentType type = incident == null ? null : incident.type();

            int normalMs = NORMAL_MIN_MS + (int) ((NORMAL_MAX_MS - NORMAL_MIN_MS) * Math.pow(random.nextDouble(), 1.5));
            int responseMs = normalMs;
            if (type != null) {
                double u = random.nextDouble();
                double span = type.maxResponseMs() - type.minResponseMs();
                // memory pressure degrades gradually: the slow tail grows with the incident's progress
                double incidentMs = type == IncidentType.MEMORY_PRESSURE
                        ? type.minResponseMs() + span * Math.min(1, progress) * u
                        : type.minResponseMs() + span * u;
                responseMs = (int) Math.round(normalMs + impact * (incidentMs - normalMs));
            }
            double errorRate = type == null ? normalRate : normalRate + impact * (incident.errorRate() - normalRate);
            boolean error = random.nextBoolean(errorRate);
            String errorType = null;
            String errorMessage = null;
            int httpStatus = service == 2 ? 201 : 200;
            if (error) {
                if (type != null && random.nextBoolean(Math.max(impact, 0.5))) {
                    errorType = type.errorType();
                    errorMessage = type.errorMessage();
                    httpStatus = type.httpStatus();
                } else {
                    String[] e = NORMAL_ERRORS[normalErrors.sample(random)];
                    errorType = e[0];
                    httpStatus = Integer.parseInt(e[1]);
                    errorMessage = e[2];
                }
            }

            out.int8(row + 1);
            out.uuid((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
            out.timestamptz(eventTime);
            out.text(SERVICES.get(service));
            out.text(ENDPOINTS[service][1]);
            out.text(ENDPOINTS[service][0]);
            out.text(error ? "error" : "success");
            out.int2((short) httpStatus);
            out.int4(responseMs);
            nullableText(out, errorType);
            nullableText(out, errorMessage);
            out.text(period);
            nullableText(out, incident == null ? null : incident.id());
            nullableText(out, type == null ? null : type.code());
            out.text("cust-" + (1 + random.nextInt(250_000)));
            if (service == 2 || service == 3) {
                // basket values: log-normal around 60, cents, between 5.00 and 2000.00
                long cents = Math.max(500, Math.min(200_000, Math.round(Math.exp(Math.log(6_000) + 0.8 * random.nextGaussian()))));
                out.numeric(cents, 2);
                out.text(paymentMethods.sample(random));
            } else {
                out.writeNull();
                out.writeNull();
            }
            String region = regions.sample(random);
            out.text(region);
            out.text(SERVICES.get(service).replace("-service", "") + "-" + region.substring(0, 2) + "-" + random.nextInt(8));

            double cpu = 20 + 35 * random.nextDouble();
            double memory = 40 + 25 * random.nextDouble();
            int dbPool = 5 + random.nextInt(36);
            int threads = 10 + random.nextInt(71);
            int gcPause = 5 + random.nextInt(46);
            String breaker = "closed";
            int upstream = 20 + random.nextInt(131);
            if (type != null) {
                double v = random.nextDouble();
                switch (type) {
                    case PAYMENT_GATEWAY_TIMEOUT -> {
                        upstream = blend(upstream, 15_000 + (int) (15_000 * v), impact);
                        threads = blend(threads, 180 + (int) (20 * v), impact);
                    }
                    case DATABASE_POOL_EXHAUSTION -> {
                        dbPool = blend(dbPool, 100, impact);
                        threads = blend(threads, 150 + (int) (50 * v), impact);
                        cpu += impact * 25 * v;
                    }
                    case MEMORY_PRESSURE -> {
                        memory = memory + impact * ((85 + 14 * Math.min(1, progress)) - memory);
                        gcPause = blend(gcPause, 500 + (int) (4_500 * v * Math.min(1, progress)), impact);
                        cpu = cpu + impact * ((80 + 19 * v) - cpu);
                    }
                    case CIRCUIT_BREAKER_ACTIVATION -> {
                        breaker = "incident".equals(period) ? "open" : "half_open";
                        upstream = blend(upstream, 5_000 + (int) (5_000 * v), impact);
                    }
                    case UPSTREAM_SERVICE_DEGRADATION -> upstream = blend(upstream, 8_000 + (int) (17_000 * v), impact);
                }
            }
            out.float8(Math.round(Math.min(100, cpu) * 10) / 10.0);
            out.float8(Math.round(Math.min(100, memory) * 10) / 10.0);
            out.int2((short) dbPool);
            out.int2((short) 100);
            out.int2((short) threads);
            out.int4(gcPause);
            out.text(breaker);
            out.int4(upstream);
        }

        private static int blend(int normal, int incident, double impact) {
            return (int) Math.round(normal + impact * (incident - normal));
        }

        private static void nullableText(RowWriter out, String value) {
            if (value == null) {
                out.writeNull();
            } else {
                out.text(value);
            }
        }
    }
}
