package io.loadbench.scenarios.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.column;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.RedisCommands.GET;
import static io.loadbench.scenarios.protocol.RedisCommands.SETEX;
import static io.loadbench.scenarios.protocol.Datastore.reply;
import static io.loadbench.scenarios.protocol.Datastore.sql;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.scenarios.run.ArrivalSchedule;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.results.latency.LatencyLogReader;
import io.loadbench.results.latency.LatencyRecorders;
import io.loadbench.datastores.TargetKind;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SeededDraws;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import io.loadbench.scenarios.verdict.ExtraCheck;
import io.loadbench.scenarios.verdict.Measurement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Seed 001, a day of e-commerce traffic with an incident: open-model injection following the seed's daily
 * schedule (10 TPS at night up to 60 TPS at the evening peak, times {@code tpsScale}), compressed into
 * {@code dayLength}, against the {@code commerce} dataset. Each transaction reads a customer session from
 * Redis (cache-aside) and counts the errors of the matching minute of the dataset's day in PostgreSQL.
 *
 * <p>At {@code incidentAt} (hour of the day) an incident of {@code incidentDuration} (wall time) is injected:
 * {@code slow-queries} makes each PostgreSQL statement executed during it wait {@code incidentDelay} (judged by
 * the server's clock, so the server and the injector must agree on the time; a dependency timing out, as
 * in the seed's payment-gateway incident: the pool saturates and requests queue), {@code pause-redis} pauses
 * the Redis server with {@code CLIENT PAUSE} (only on a target this run owns). The verdict reads the affected
 * request's interval log: the incident must be visible (interval p99 well above the baseline) and the
 * latency must recover within {@code recoveryWindow} after it ends.
 *
 * <p>Presets: smoke, full. Options: seed, baseTps (dataset), tpsScale, dayLength, incident
 * (auto|slow-queries|pause-redis; auto pauses Redis on the embedded target only), incidentAt, incidentDuration,
 * incidentDelay, recoveryWindow, plus the common ones ({@link Presets}).
 */
public class DailyScheduleSimulation extends Simulation {

    /** The seed's daily schedule: hour ranges and TPS at their start and end. */
    static final double[][] SCHEDULE = {
            {0, 6, 10, 10}, {6, 9, 15, 30}, {9, 12, 25, 40}, {12, 14, 35, 50},
            {14, 17, 30, 45}, {17, 20, 40, 60}, {20, 24, 20, 10}};
    static final Instant DATA_DAY = Instant.parse("2026-01-05T00:00:00Z");

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("seed", "42", "baseTps", "20", "tpsScale", "10", "dayLength", "24m", "incident", "auto",
                    "incidentAt", "14.4", "incidentDuration", "60s", "incidentDelay", "2000ms", "recoveryWindow", "60s"),
            Map.of(
                    "smoke", Presets.values("baseTps", "0.5", "tpsScale", "2", "dayLength", "24s", "warmup", "2s",
                            "incidentAt", "12", "incidentDuration", "3s", "incidentDelay", "300ms", "recoveryWindow", "4s",
                            "pgPool", "4", "redisPool", "4", "poolTimeout", "5s", "maxKoRatio", "0.25"),
                    "full", Presets.values("warmup", "30s", "pgPool", "16", "redisPool", "16",
                            "poolTimeout", "5s", "maxKoRatio", "0.25")));

    /** What {@code loadbench workloads} lists and {@code loadbench run daily} runs. */
    public static final Workload WORKLOAD = new Workload("daily", "daily-schedule", DailyScheduleSimulation.class.getName(),
            "The seed's daily schedule compressed into dayLength, with a slow-query or paused-Redis incident",
            "seed 001: a day of e-commerce traffic with an incident", "open", PRESETS,
            Map.ofEntries(Map.entry("rate", "baseTps"), Map.entry("duration", "dayLength")),
            Map.ofEntries(Map.entry("seed", "root seed of the data and of every random draw"), Map.entry("baseTps", "transactions/s of the schedule's quietest hour, before tpsScale (arrivals/s)"), Map.entry("tpsScale", "multiplier of the whole schedule (factor)"), Map.entry("dayLength", "wall time the 24-hour day is compressed into (duration)"), Map.entry("incident", "auto, slow-queries or pause-redis (auto pauses Redis on the embedded target only)"), Map.entry("incidentAt", "hour of the day the incident starts (hours, 0-24)"), Map.entry("incidentDuration", "wall time the incident lasts (duration)"), Map.entry("incidentDelay", "delay added to each statement during a slow-queries incident (duration)"), Map.entry("recoveryWindow", "time after the incident within which latency must recover (duration)")));

    private final SimulationRun run = SimulationRun.open(WORKLOAD, DailyScheduleSimulation::plan);
    private final SimulationOptions options = run.options();
    private final double hourSeconds = options.positiveDuration("dayLength").toMillis() / 24_000.0;
    private final double tpsScale = options.positiveNumber("tpsScale");
    private final String incident = incidentKind();
    private final long incidentStartMs = Math.round(options.numberBetween("incidentAt", 0, 24) * hourSeconds * 1000);
    private final long incidentEndMs = incidentStartMs + options.positiveDuration("incidentDuration").toMillis();
    private final String affected = "pause-redis".equals(incident) ? "session get" : "recent errors";

    private final ChainBuilder transaction = exec(SeededDraws.of(options.positiveLong("seed"), random -> Map.of("customer", "c" + random.nextInt(5_000))))
            .exec(redis("session get").command(GET, "lb:commerce:session:#{customer}").check(reply().saveAs("session")))
            .doIf(session -> !session.contains("session")).then(
                    exec(redis("session set").command(SETEX, "lb:commerce:session:#{customer}", 300, "#{customer}")))
            // the slow-queries incident is decided by the server's clock when the statement runs, as a slow
            // dependency would be: requests queued during the incident but served after it are not slowed
            .exec(sql("recent errors").query("SELECT count(*) AS n FROM commerce_transactions t,"
                            + " (SELECT pg_sleep(CASE WHEN clock_timestamp() >= ? AND clock_timestamp() < ? THEN ? ELSE 0 END)) d"
                            + " WHERE t.event_time >= ? AND t.event_time < ? AND t.status = 'error'")
                    .param(session -> slowQueriesFrom()).param(session -> slowQueriesUntil())
                    .param(options.duration("incidentDelay").toMillis() / 1000.0)
                    .param(session -> dataMinute(0)).param(session -> dataMinute(1))
                    .check(column("n").notNull()));

    private final ScenarioBuilder incidentInjector = scenario("incident")
            .pause(Duration.ofMillis(incidentStartMs))
            .repeat((int) Math.max(1, options.positiveDuration("incidentDuration").toSeconds())).on(
                    exec(redis("incident: CLIENT PAUSE").command("CLIENT", "PAUSE", "1000").check(reply().is("OK")))
                    .exec(run.think(Duration.ofSeconds(1), Duration.ofSeconds(1))));

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        ArrivalSchedule day = null;
        for (double[] segment : SCHEDULE) {
            Duration length = Duration.ofMillis(Math.round((segment[1] - segment[0]) * hourSeconds * 1000));
            double from = segment[2] * tpsScale;
            double to = segment[3] * tpsScale;
            day = day == null ? ArrivalSchedule.ramp(from, to, length) : day.thenRamp(from, to, length);
        }
        // judged by arrivals (transactions), whatever each one's requests
        run.extraCheck(new ExtraCheck("incident", this::incidentReport));
        var load = run.openModel("transactions", day, options.positiveLong("seed"), transaction)
                .andThen(verdict.injectOpen(atOnceUsers(1)));
        var setUp = "pause-redis".equals(incident)
                ? setUp(load, incidentInjector.injectOpen(atOnceUsers(1)))
                : setUp(load);
        setUp.protocols(run.protocol()).assertions(run.assertion())
                .maxDuration(run.maxDuration(options.positiveDuration("dayLength")));
    }

    private String incidentKind() {
        String kind = options.oneOf("incident", "auto", "slow-queries", "pause-redis");
        boolean embedded = run.datastores().kind() == TargetKind.EMBEDDED;
        if ("pause-redis".equals(kind) && !embedded) {
            throw options.reject("incident", "pause-redis pauses every client of the server; it runs on the embedded"
                    + " target only (use slow-queries)");
        }
        return "auto".equals(kind) ? (embedded ? "pause-redis" : "slow-queries") : kind;
    }

    private static Map<String, Object> plan(SimulationOptions options) {
        Map<String, Object> plan = new TreeMap<>();
        for (String key : List.of("seed", "baseTps", "tpsScale", "dayLength", "incident", "incidentAt", "incidentDuration",
                "incidentDelay", "recoveryWindow")) {
            plan.put(key, options.string(key));
        }
        plan.put("dataset", "commerce");
        return plan;
    }

    /** Milliseconds since the load began, or -1 before it. */
    private long loadElapsedMs() {
        OptionalLong first = run.firstRequestMs();
        return first.isEmpty() ? -1 : System.currentTimeMillis() - first.getAsLong();
    }

    /** The start of the slow-queries window in wall-clock time (an empty window in the other modes). */
    private OffsetDateTime slowQueriesFrom() {
        OptionalLong first = run.firstRequestMs();
        long from = first.isEmpty() || !"slow-queries".equals(incident) ? 0 : first.getAsLong() + incidentStartMs;
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(from), ZoneOffset.UTC);
    }

    private OffsetDateTime slowQueriesUntil() {
        OptionalLong first = run.firstRequestMs();
        long until = first.isEmpty() || !"slow-queries".equals(incident) ? 0 : first.getAsLong() + incidentEndMs;
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(until), ZoneOffset.UTC);
    }

    /** The minute of the dataset's day matching the compressed time of day, plus {@code plusMinutes}. */
    private OffsetDateTime dataMinute(int plusMinutes) {
        long elapsed = Math.max(0, loadElapsedMs());
        long dayMinute = Math.min(24 * 60 - 1, (long) (elapsed / 1000.0 / hourSeconds * 60));
        return OffsetDateTime.ofInstant(DATA_DAY.plusSeconds(60 * (dayMinute + plusMinutes)), ZoneOffset.UTC);
    }

    /** Baseline, incident and post-recovery p99 of the affected request, from its interval log. */
    private ExtraCheck.Result incidentReport(Measurement measurement) {
        Map<String, Object> report = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        report.put("kind", incident);
        report.put("request", affected);
        if (measurement.firstRequestMs().isEmpty()) {
            return new ExtraCheck.Result(report, List.of("no request ran: the incident could not be judged"));
        }
        double offsetSec = (measurement.firstRequestMs().getAsLong() - measurement.logStartMs()) / 1000.0;
        double startSec = offsetSec + incidentStartMs / 1000.0;
        double endSec = offsetSec + incidentEndMs / 1000.0;
        double recoveredSec = endSec + options.positiveDuration("recoveryWindow").toMillis() / 1000.0;
        Histogram before = new Histogram(3), during = new Histogram(3), after = new Histogram(3);
        // the latency of record: OK and failed requests together (a request that timed out counts with its wait)
        for (String series : List.of(affected, affected + ScenarioResult.FAILED_REQUEST_SUFFIX)) {
            Path log = measurement.hdrDir().resolve(io.loadbench.results.latency.LatencyKind.INTENDED.hlogFileName(series));
            if (!java.nio.file.Files.exists(log)) {
                continue;
            }
            for (LatencyLogReader.Interval interval : LatencyLogReader.intervals(log)) {
                if (!LatencyRecorders.fileName(series).equals(interval.tag())) {
                    continue;
                }
                if (interval.endSec() <= startSec) {
                    before.add(interval.histogram());
                } else if (interval.startSec() >= startSec && interval.endSec() <= endSec + 1) {
                    during.add(interval.histogram());
                } else if (interval.startSec() >= recoveredSec) {
                    after.add(interval.histogram());
                }
            }
        }
        long baselineUs = before.getValueAtPercentile(99);
        long incidentUs = during.getValueAtPercentile(99);
        long recoveredUs = after.getValueAtPercentile(99);
        report.put("incidentStartSec", round(startSec));
        report.put("incidentEndSec", round(endSec));
        report.put("baselineP99Us", before.getTotalCount() == 0 ? null : baselineUs);
        report.put("incidentP99Us", during.getTotalCount() == 0 ? null : incidentUs);
        report.put("recoveredP99Us", after.getTotalCount() == 0 ? null : recoveredUs);
        if (before.getTotalCount() == 0 || during.getTotalCount() == 0 || after.getTotalCount() == 0) {
            failures.add("the incident timeline has an empty phase (before " + before.getTotalCount() + ", during "
                    + during.getTotalCount() + ", after " + after.getTotalCount() + " requests)");
        } else {
            if (incidentUs < 2 * baselineUs + 50_000) {
                failures.add(String.format(Locale.ROOT, "the incident did not show: %s p99 %.1f ms during it, %.1f ms before",
                        affected, incidentUs / 1000.0, baselineUs / 1000.0));
            }
            if (recoveredUs > Math.max(3 * baselineUs, baselineUs + 50_000)) {
                failures.add(String.format(Locale.ROOT, "no recovery: %s p99 %.1f ms after the recovery window, %.1f ms before the incident",
                        affected, recoveredUs / 1000.0, baselineUs / 1000.0));
            }
        }
        return new ExtraCheck.Result(report, failures);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @Override
    public void before() {
        run.begin(() -> {
            run.prepareDataset(options.positiveLong("seed"), 0,
                    io.loadbench.loader.datasets.commerce.CommerceSettings.DEFAULTS.withSchedule(1, options.positiveNumber("baseTps")));
        });
    }

    @Override
    public void after() {
        run.close();
    }
}
