package io.loadbench.scenarios.protocol;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.column;
import static io.loadbench.scenarios.protocol.Datastore.columnValues;
import static io.loadbench.scenarios.protocol.Datastore.datastore;
import static io.loadbench.scenarios.protocol.Datastore.hit;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.Datastore.reply;
import static io.loadbench.scenarios.protocol.Datastore.rowCount;
import static io.loadbench.scenarios.protocol.Datastore.sql;
import static io.loadbench.scenarios.protocol.Datastore.updateCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.loadbench.results.latency.LatencyRecorders;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Uses every method of the DSL, so a change to it (or to the Gatling types it implements) breaks this
 * compile, and checks the Gatling 3.15.1 bridge implements every abstract member of the traits it mixes in.
 */
class DatastoreDslCompileTest {

    private final DatastoreRuntime runtime = new DatastoreRuntime(new UnusedConnector(), new LatencyRecorders());

    @Test
    void everyDslMethodBuildsAGatlingActionBuilder() {
        List<ActionBuilder> requests = List.of(
                sql("q").query("SELECT ? AS a").params("#{a}", "constant text").param("#{a}").param(1).param(s -> 2)
                        .check(rowCount().is(1), rowCount().gte(1).lte(5).between(1, 5), column("a").notNull().saveAs("a"),
                                column("a").isNull(), columnValues("a").saveAs("all"), updateCount().is(-1),
                                column("a").validate("is positive", v -> v instanceof Number n && n.intValue() > 0))
                        .maxRows(10),
                sql(s -> "q " + s.userId()).query("SELECT 1"),
                redis("r").get("k:#{id}").check(reply().saveAs("v"), hit().is(true)), redis(s -> "r").get(s -> "k"),
                redis("r").set("k", "v"), redis("r").set(s -> "k", s -> 1),
                redis("r").setex("k", 60, "v"), redis("r").setex(s -> "k", s -> 60, s -> "v"),
                redis("r").incr("k"), redis("r").incr(s -> "k"),
                redis("r").incrBy("k", 2), redis("r").incrBy(s -> "k", s -> 2L),
                redis("r").hget("h", "f"), redis("r").hget(s -> "h", s -> "f"),
                redis("r").hgetall("h"), redis("r").hgetall(s -> "h"),
                redis("r").hset("h", "f", "v"), redis("r").hset(s -> "h", s -> "f", s -> "v"),
                redis("r").hincrBy("h", "f", 1), redis("r").hincrBy(s -> "h", s -> "f", s -> 1),
                redis("r").lpush("l", "v"), redis("r").lpush(s -> "l", s -> "v"),
                redis("r").lrange("l", 0, -1), redis("r").lrange(s -> "l", s -> 0, s -> -1),
                redis("r").sadd("s", "m"), redis("r").sadd(s -> "s", s -> "m"),
                redis("r").smembers("s"), redis("r").smembers(s -> "s"),
                redis("r").zincrBy("z", 1, "m"), redis("r").zincrBy(s -> "z", s -> 1.5, s -> "m"),
                redis("r").zrevrange("z", 0, 9), redis("r").zrevrange(s -> "z", s -> 0, s -> 9),
                redis("r").expire("k", 5), redis("r").expire(s -> "k", s -> 5),
                redis("r").del("k"), redis("r").del(s -> "k"),
                redis("r").command("CLIENT", "PAUSE", "#{pauseMs}").countAsCacheLookup());
        for (ActionBuilder request : requests) {
            assertThat(request.asScala()).isNotNull();
        }
        ChainBuilder chain = exec(requests.get(0)).exitHereIfFailed().exec(requests.get(1));
        ScenarioBuilder scenario = scenario("compile").exec(chain);
        assertThat(scenario).isNotNull();

        ChainBuilder redisChain = exec(requests.get(2)).exitHereIfFailed().exec(requests.get(3));
        assertThat(redisChain).isNotNull();

        DatastoreProtocolBuilder protocol = datastore(runtime).pgPoolSize(3).redisPoolSize(4)
                .executorQueueCapacity(6).poolTimeout(Duration.ofSeconds(7)).queryTimeout(Duration.ofSeconds(8));
        assertThat(protocol.settings()).isEqualTo(new DatastoreSettings(3, 4, 6, Duration.ofSeconds(7), Duration.ofSeconds(8)));
        assertThat(datastore(runtime).settings()).isEqualTo(DatastoreSettings.defaults());
        assertThat(protocol.protocol()).isNotNull();
    }

    @Test
    void aBadProtocolOptionIsRejectedWithItsName() {
        assertThatThrownBy(() -> datastore(runtime).pgPoolSize(0).settings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pgPoolSize");
        assertThatThrownBy(() -> datastore(runtime).queryTimeout(Duration.ZERO).settings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queryTimeout");
    }

    @Test
    void theActionImplementsEveryAbstractMemberOfGatlingsTraits() throws Exception {
        Class<?> action = Class.forName("io.loadbench.scenarios.gatling.DatastoreAction");
        for (Method method : io.gatling.core.action.ExitableAction.class.getMethods()) {
            if (Modifier.isAbstract(method.getModifiers())) {
                Method implementation = action.getMethod(method.getName(), method.getParameterTypes());
                assertThat(Modifier.isAbstract(implementation.getModifiers()))
                        .as("DatastoreAction implements %s", method.getName()).isFalse();
            }
        }
        assertThat(action.getMethod("io$gatling$core$action$ExitableAction$$super$$bang", io.gatling.core.session.Session.class))
                .isNotNull();
    }

    /** The compile test never runs a request. */
    private static final class UnusedConnector implements DatastoreConnector {
        @Override
        public javax.sql.DataSource openPgPool(String poolName, int maxSize, Duration acquireTimeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public redis.clients.jedis.RedisClient openRedisClient(int maxConnections, Duration acquireTimeout, Duration commandTimeout) {
            throw new UnsupportedOperationException();
        }
    }
}
