package io.loadbench.scenarios.protocol;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.loadbench.scenarios.protocol.Datastore.column;
import static io.loadbench.scenarios.protocol.Datastore.columnValues;
import static io.loadbench.scenarios.protocol.Datastore.datastore;
import static io.loadbench.scenarios.protocol.Datastore.hit;
import static io.loadbench.scenarios.protocol.Datastore.redis;
import static io.loadbench.scenarios.protocol.RedisCommands.DEL;
import static io.loadbench.scenarios.protocol.RedisCommands.EXPIRE;
import static io.loadbench.scenarios.protocol.RedisCommands.GET;
import static io.loadbench.scenarios.protocol.RedisCommands.HGET;
import static io.loadbench.scenarios.protocol.RedisCommands.HGETALL;
import static io.loadbench.scenarios.protocol.RedisCommands.HINCRBY;
import static io.loadbench.scenarios.protocol.RedisCommands.HSET;
import static io.loadbench.scenarios.protocol.RedisCommands.INCR;
import static io.loadbench.scenarios.protocol.RedisCommands.INCRBY;
import static io.loadbench.scenarios.protocol.RedisCommands.LPUSH;
import static io.loadbench.scenarios.protocol.RedisCommands.LRANGE;
import static io.loadbench.scenarios.protocol.RedisCommands.SADD;
import static io.loadbench.scenarios.protocol.RedisCommands.SET;
import static io.loadbench.scenarios.protocol.RedisCommands.SETEX;
import static io.loadbench.scenarios.protocol.RedisCommands.SMEMBERS;
import static io.loadbench.scenarios.protocol.RedisCommands.ZINCRBY;
import static io.loadbench.scenarios.protocol.RedisCommands.ZREVRANGE;
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
                redis("r").command(GET, "k:#{id}").check(reply().saveAs("v"), hit().is(true)), redis(s -> "r").command(GET, s -> "k"),
                redis("r").command(SET, "k", "v"), redis("r").command(SET, s -> "k", s -> 1),
                redis("r").command(SETEX, "k", 60, "v"), redis("r").command(SETEX, s -> "k", s -> 60, s -> "v"),
                redis("r").command(INCR, "k"), redis("r").command(INCR, s -> "k"),
                redis("r").command(INCRBY, "k", 2), redis("r").command(INCRBY, s -> "k", s -> 2L),
                redis("r").command(HGET, "h", "f"), redis("r").command(HGET, s -> "h", s -> "f"),
                redis("r").command(HGETALL, "h"), redis("r").command(HGETALL, s -> "h"),
                redis("r").command(HSET, "h", "f", "v"), redis("r").command(HSET, s -> "h", s -> "f", s -> "v"),
                redis("r").command(HINCRBY, "h", "f", 1), redis("r").command(HINCRBY, s -> "h", s -> "f", s -> 1),
                redis("r").command(LPUSH, "l", "v"), redis("r").command(LPUSH, s -> "l", s -> "v"),
                redis("r").command(LRANGE, "l", 0, -1), redis("r").command(LRANGE, s -> "l", s -> 0, s -> -1),
                redis("r").command(SADD, "s", "m"), redis("r").command(SADD, s -> "s", s -> "m"),
                redis("r").command(SMEMBERS, "s"), redis("r").command(SMEMBERS, s -> "s"),
                redis("r").command(ZINCRBY, "z", 1, "m"), redis("r").command(ZINCRBY, s -> "z", s -> 1.5, s -> "m"),
                redis("r").command(ZREVRANGE, "z", 0, 9), redis("r").command(ZREVRANGE, s -> "z", s -> 0, s -> 9),
                redis("r").command(EXPIRE, "k", 5), redis("r").command(EXPIRE, s -> "k", s -> 5),
                redis("r").command(DEL, "k"), redis("r").command(DEL, s -> "k"),
                redis("r").command("CLIENT", "PAUSE", "#{pauseMs}").countAsCacheLookup(),
                redis("r").command("HSET", List.of(s -> "h:" + s.userId(), s -> "f", s -> 1)),
                Datastore.sqlSequence("script.sql:3", s -> (connection, context) -> List.of()));
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
        assertThat(protocol.redisPipelineDepth(9).settings())
                .isEqualTo(new DatastoreSettings(3, 4, 6, Duration.ofSeconds(7), Duration.ofSeconds(8), 9));
        assertThat(datastore(runtime).settings()).isEqualTo(DatastoreSettings.defaults());
        assertThat(protocol.protocol()).isNotNull();
    }

    @Test
    void aBadProtocolOptionIsRejectedWithItsName() {
        assertThatThrownBy(() -> datastore(runtime).pgPoolSize(0).settings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pgPoolSize");
        assertThatThrownBy(() -> datastore(runtime).queryTimeout(Duration.ZERO).settings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queryTimeout");
        assertThatThrownBy(() -> datastore(runtime).redisPipelineDepth(0).settings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redisPipelineDepth");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"io.loadbench.scenarios.gatling.DatastoreAction",
            "io.loadbench.scenarios.gatling.SequenceAction"})
    void theActionImplementsEveryAbstractMemberOfGatlingsTraits(String actionClass) throws Exception {
        Class<?> action = Class.forName(actionClass);
        for (Method method : io.gatling.core.action.ExitableAction.class.getMethods()) {
            if (Modifier.isAbstract(method.getModifiers())) {
                Method implementation = action.getMethod(method.getName(), method.getParameterTypes());
                assertThat(Modifier.isAbstract(implementation.getModifiers()))
                        .as("%s implements %s", action.getSimpleName(), method.getName()).isFalse();
            }
        }
        assertThat(action.getMethod("io$gatling$core$action$ExitableAction$$super$$bang", io.gatling.core.session.Session.class))
                .isNotNull();
    }

    /** The compile test never runs a request. */
    private static final class UnusedConnector implements DatastoreConnector {
        @Override
        public javax.sql.DataSource openPgPool(String poolName, int maxSize, Duration acquireTimeout, Duration commandTimeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public redis.clients.jedis.RedisClient openRedisClient(int maxConnections, Duration acquireTimeout, Duration commandTimeout) {
            throw new UnsupportedOperationException();
        }
    }
}
