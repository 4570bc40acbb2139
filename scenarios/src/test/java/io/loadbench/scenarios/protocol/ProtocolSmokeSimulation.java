package io.loadbench.scenarios.protocol;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.loadbench.scenarios.protocol.Datastore.column;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.RedisCommands.GET;
import static io.loadbench.scenarios.protocol.RedisCommands.INCR;
import static io.loadbench.scenarios.protocol.RedisCommands.SETEX;
import static io.loadbench.scenarios.protocol.Datastore.reply;
import static io.loadbench.scenarios.protocol.Datastore.rowCount;
import static io.loadbench.scenarios.protocol.Datastore.sql;
import static io.loadbench.scenarios.protocol.Datastore.updateCount;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.loadbench.scenarios.run.ArrivalSchedule;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.datastores.Datastores;
import io.loadbench.scenarios.run.Presets;
import io.loadbench.scenarios.run.SimulationRun;
import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;

/**
 * A tiny open-model simulation on the embedded target that exercises the whole protocol: cache-aside (GET →
 * exitHereIfFailed → SQL → SETEX), saveAs, checks on rows, columns and update counts, a group, a request that
 * always fails inside tryMax and exitBlockOnFail (ExitableAction), and the verdict. Run by
 * {@code ProtocolIntegrationTest}; {@value #ITEMS} items, so the second visit of an item is a hit.
 */
public class ProtocolSmokeSimulation extends Simulation {

    static final int ITEMS = 50;
    static final int USERS_PER_SEC = 40;
    static final int SECONDS = 5;
    static final String TABLE = "lb_scenarios_it_items";
    static final String KEY_PREFIX = "lb:scenarios:it:item:";

    private final Datastores datastores = TestDatastores.embedded();
    private final SimulationRun run = SimulationRun.open("protocol-smoke", "ProtocolSmokeSimulation",
            Presets.table(Map.of(), Map.of("smoke", Map.of("warmup", "0s", "maxKoRatio", "1.0", "pgPool", "4", "redisPool", "4"))),
            options -> Map.of("items", ITEMS), datastores);

    private final AtomicInteger nextItem = new AtomicInteger();
    private final Iterator<Map<String, Object>> items = Stream.generate(
            () -> Map.<String, Object>of("id", 1 + nextItem.getAndIncrement() % ITEMS)).iterator();

    private final ChainBuilder visit = feed(items)
            .exec(run.userStarted())
            .exec(redis("item get").command(GET, KEY_PREFIX + "#{id}").check(reply().saveAs("name")))
            .exitHereIfFailed()
            .doIf(session -> !session.contains("name")).then(
                    exec(sql("item query").query("SELECT name FROM " + TABLE + " WHERE id = ?").params("#{id}")
                            .check(rowCount().is(1), column("name").notNull().saveAs("name")))
                    .exec(redis("item set").command(SETEX, KEY_PREFIX + "#{id}", 60, "#{name}").check(reply().is("OK"))))
            .group("writes").on(
                    exec(sql("item touch").query("UPDATE " + TABLE + " SET visits = visits + 1 WHERE id = ?")
                            .param(session -> session.getInt("id")).check(updateCount().is(1))))
            .exec(redis("visit count").command(INCR, "lb:scenarios:it:visits"))
            .exec(tryMax(2).on(exec(sql("always fails").query("SELECT no_such_column FROM " + TABLE))))
            .exec(exitBlockOnFail().on(
                    exec(sql("wrong count").query("SELECT 1 AS one").check(rowCount().is(2)))
                    .exec(sql("never reached").query("SELECT 1"))))
            .exec(run.userEnded());

    private final ScenarioBuilder verdict = scenario("verdict").exec(run.verdict());

    {
        setUp(run.openModel("visits", ArrivalSchedule.constant(USERS_PER_SEC, Duration.ofSeconds(SECONDS)), 1, visit)
                .andThen(verdict.injectOpen(atOnceUsers(1))))
                .protocols(run.protocol())
                .assertions(run.assertion())
                .maxDuration(run.maxDuration(Duration.ofSeconds(SECONDS)));
    }

    @Override
    public void before() {
        try (Connection connection = datastores.openPgConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id int PRIMARY KEY, name text NOT NULL, visits int NOT NULL DEFAULT 0)");
            statement.execute("INSERT INTO " + TABLE + " (id, name) SELECT i, 'item-' || i FROM generate_series(1, " + ITEMS + ") i");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Jedis jedis = datastores.openRedisConnection()) {
            for (int id = 1; id <= ITEMS; id++) {
                jedis.del(KEY_PREFIX + id);
            }
            jedis.del("lb:scenarios:it:visits");
        }
        run.begin();
    }

    @Override
    public void after() {
        run.close();
    }
}
