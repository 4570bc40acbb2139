package io.loadbench.scenarios.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.rowCount;
import static io.loadbench.scenarios.protocol.Datastore.sql;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.scenarios.run.ArrivalSchedule;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SeededDraws;
import io.loadbench.scenarios.run.SimulationOptions;
import io.loadbench.scenarios.run.SimulationRun;
import io.loadbench.scenarios.run.Workload;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 004's use case, pagination of an admin listing: page 1 against page {@code page} of
 * {@code perPage} rows of the gateway dataset's {@code gw_resources}, each by {@code OFFSET} and by keyset
 * ({@code WHERE id > last id of the previous page}), at an open-model {@code rate} split evenly across the
 * four requests. The deep OFFSET page reads and discards {@code (page - 1) * perPage} index entries per
 * request; the keyset page does not, which the four request histograms show side by side.
 *
 * <p>Presets: smoke (profile small), full (profile medium, the seed's "pagination testing" scale). Options:
 * profile, seed, rate, duration, page, perPage, plus the common ones ({@link Presets}).
 */
public class GatewayPaginationSimulation extends Simulation {

    static final String TABLE = "gw_resources";
    static final List<String> REQUESTS = List.of("offset page 1", "offset page N", "keyset page 1", "keyset page N");

    static final Map<String, Map<String, String>> PRESETS = Presets.table(
            Presets.values("profile", "medium", "seed", "42", "rate", "400", "duration", "60s", "page", "100", "perPage", "100"),
            Map.of(
                    "smoke", Presets.values("profile", "small", "rate", "100", "duration", "8s", "warmup", "2s",
                            "perPage", "10", "pgPool", "4"),
                    "full", Presets.values("warmup", "10s", "pgPool", "8")));

    /** What {@code loadbench workloads} lists and {@code loadbench run gateway-pagination} runs. */
    public static final Workload WORKLOAD = new Workload("gateway-pagination", "gateway-pagination", GatewayPaginationSimulation.class.getName(),
            "Page 1 and a deep page of the gateway dataset, each by OFFSET and by keyset, side by side",
            "seed 004: pagination of an admin listing, OFFSET vs keyset", "open", PRESETS,
            Map.ofEntries(Map.entry("rate", "rate"), Map.entry("duration", "duration"), Map.entry("connections", "pgPool")),
            Map.ofEntries(Map.entry("profile", "gateway dataset profile: small, medium or production"), Map.entry("seed", "root seed of the data and of every random draw"), Map.entry("rate", "requests per second across the four requests (arrivals/s)"), Map.entry("duration", "length of the load (duration)"), Map.entry("page", "the deep page's number (page)"), Map.entry("perPage", "rows per page (count)")));

    private final SimulationRun run = SimulationRun.open(WORKLOAD, GatewayPaginationSimulation::plan);
    private final SimulationOptions options = run.options();
    private final int page = options.positiveInt("page");
    private final int perPage = options.positiveInt("perPage");
    private volatile long keysetCursor;

    private final ChainBuilder listing = exec(SeededDraws.of(options.positiveLong("seed"), random -> Map.of("request", REQUESTS.get(random.nextInt(REQUESTS.size())))))
            .exec(doSwitch("#{request}").on(
                    onCase("offset page 1").then(exec(sql("offset page 1")
                            .query("SELECT id, uri, created_at FROM " + TABLE + " ORDER BY id LIMIT ? OFFSET 0")
                            .param(perPage).check(rowCount().is(perPage)))),
                    onCase("offset page N").then(exec(sql("offset page N")
                            .query("SELECT id, uri, created_at FROM " + TABLE + " ORDER BY id LIMIT ? OFFSET ?")
                            .param(perPage).param((long) (page - 1) * perPage).check(rowCount().is(perPage)))),
                    onCase("keyset page 1").then(exec(sql("keyset page 1")
                            .query("SELECT id, uri, created_at FROM " + TABLE + " WHERE id > ? ORDER BY id LIMIT ?")
                            .param(Long.MIN_VALUE).param(perPage).check(rowCount().is(perPage)))),
                    onCase("keyset page N").then(exec(sql("keyset page N")
                            .query("SELECT id, uri, created_at FROM " + TABLE + " WHERE id > ? ORDER BY id LIMIT ?")
                            .param(session -> keysetCursor).param(perPage)
                            .check(rowCount().is(perPage))))));

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        int rate = options.positiveInt("rate");
        setUp(run.openModel("admin listings", ArrivalSchedule.constant(rate, options.positiveDuration("duration")),
                        options.positiveLong("seed"), listing)
                .andThen(verdict.injectOpen(atOnceUsers(1))))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(options.positiveDuration("duration")));
    }

    private static Map<String, Object> plan(SimulationOptions options) {
        Map<String, Object> plan = new TreeMap<>();
        for (String key : List.of("profile", "seed", "rate", "duration", "page", "perPage")) {
            plan.put(key, options.string(key));
        }
        plan.put("dataset", "gateway");
        plan.put("table", TABLE);
        return plan;
    }

    @Override
    public void before() {
        run.begin(() -> {
            // the gateway dataset's size comes from its profile: --rows stays at the dataset's default
            run.prepareDataset(options.positiveLong("seed"), 0,
                    io.loadbench.loader.datasets.gateway.GatewaySettings.ofProfile(options.string("profile")));
            keysetCursor = lastIdOfPreviousPage();
        });
    }

    /** The keyset cursor of page N: the id of the last row of page N-1, as a client would carry it. */
    private long lastIdOfPreviousPage() {
        long offset = (long) (page - 1) * perPage;
        try (Connection connection = run.datastores().openPgConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + TABLE);
             PreparedStatement cursor = connection.prepareStatement("SELECT id FROM " + TABLE + " ORDER BY id OFFSET ? LIMIT 1")) {
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                if (rows.getLong(1) < offset + perPage) {
                    throw new IllegalArgumentException("GatewayPaginationSimulation: " + TABLE + " holds " + rows.getLong(1)
                            + " rows, page " + page + " of " + perPage + " needs " + (offset + perPage)
                            + " (-Dprofile, -Dpage, -DperPage)");
                }
            }
            cursor.setLong(1, offset - 1);
            try (ResultSet rows = cursor.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the keyset cursor from " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void after() {
        run.close();
    }
}
