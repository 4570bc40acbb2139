package io.loadbench.scenarios.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The datastore DSL, used like Gatling's HTTP DSL:
 *
 * <pre>{@code
 * import static io.loadbench.scenarios.protocol.Datastore.*;
 *
 * exec(redis("overview get").get("overview:#{orgId}").check(reply().saveAs("overview")))
 *   .exitHereIfFailed()
 *   .doIf(session -> !session.contains("overview")).then(
 *       exec(sql("overview query").query("SELECT count(*) AS n FROM events WHERE org_id = ?")
 *                .params("#{orgId}").check(rowCount().is(1), column("n").saveAs("overview")))
 *       .exec(redis("overview set").setex("overview:#{orgId}", 300, "#{overview}")));
 * }</pre>
 */
public final class Datastore {

    private Datastore() {
    }

    /** The protocol of a simulation whose requests share {@code runtime}'s pools, recorders and counters. */
    public static DatastoreProtocolBuilder datastore(DatastoreRuntime runtime) {
        return new DatastoreProtocolBuilder(runtime);
    }

    /** A SQL request named {@code requestName} (Gatling EL allowed). */
    public static Sql sql(String requestName) {
        return new Sql(requestName);
    }

    /** A Redis request named {@code requestName} (Gatling EL allowed). */
    public static Redis redis(String requestName) {
        return new Redis(requestName);
    }

    /**
     * A parameter or argument computed by a Java function of the session, e.g.
     * {@code .params(fromSession(session -> session.getInt("id") * 10))}; plain strings are Gatling EL.
     */
    public static Object fromSession(java.util.function.Function<io.gatling.javaapi.core.Session, ?> function) {
        return function;
    }

    // ---- checks on SQL results ----

    /** The number of rows a query returned. */
    public static ValueCheck<SqlResult> rowCount() {
        return new ValueCheck<>("row count", result -> (long) result.rowCount());
    }

    /** A column of the first row (null when there are no rows). */
    public static ValueCheck<SqlResult> column(String columnLabel) {
        return new ValueCheck<>("column " + columnLabel, result -> {
            int index = result.requireColumn(columnLabel);
            return result.rows().isEmpty() ? null : result.rows().get(0).get(index);
        });
    }

    /** A column of every row, as a list. */
    public static ValueCheck<SqlResult> columnValues(String columnLabel) {
        return new ValueCheck<>("column values " + columnLabel, result -> result.columnValues(columnLabel));
    }

    /** The update count of an INSERT/UPDATE/DELETE. */
    public static ValueCheck<SqlResult> updateCount() {
        return new ValueCheck<>("update count", SqlResult::updateCount);
    }

    // ---- checks on Redis replies ----

    /** The decoded reply (null on a miss). */
    public static ValueCheck<Object> reply() {
        return new ValueCheck<>("reply", reply -> reply);
    }

    /** Whether the reply is a hit ({@code true}) or a miss ({@code false}); save it or require one. */
    public static ValueCheck<Object> hit() {
        return new ValueCheck<>("cache hit", RedisCommand::isHit);
    }

    /** The first step of a SQL request: its statement. */
    public static final class Sql {
        private final String requestName;

        Sql(String requestName) {
            this.requestName = requestName;
        }

        /** A statement with {@code ?} placeholders: a query (rows) or DML (update count). */
        public SqlActionBuilder query(String sql) {
            return new SqlActionBuilder(requestName, sql);
        }
    }

    /** The first step of a Redis request: its command. */
    public static final class Redis {
        private final String requestName;

        Redis(String requestName) {
            this.requestName = requestName;
        }

        /** GET key: a cache lookup. */
        public RedisActionBuilder get(Object key) {
            return lookup("GET", key);
        }

        /** SET key value. */
        public RedisActionBuilder set(Object key, Object value) {
            return command("SET", key, value);
        }

        /** SETEX key seconds value: cache fill with a TTL. */
        public RedisActionBuilder setex(Object key, Object ttlSeconds, Object value) {
            return command("SETEX", key, ttlSeconds, value);
        }

        /** INCR key. */
        public RedisActionBuilder incr(Object key) {
            return command("INCR", key);
        }

        /** INCRBY key increment. */
        public RedisActionBuilder incrBy(Object key, Object increment) {
            return command("INCRBY", key, increment);
        }

        /** HGET key field: a cache lookup. */
        public RedisActionBuilder hget(Object key, Object field) {
            return lookup("HGET", key, field);
        }

        /** HGETALL key: a cache lookup (an empty hash is a miss). */
        public RedisActionBuilder hgetall(Object key) {
            return lookup("HGETALL", key);
        }

        /** HSET key field value. */
        public RedisActionBuilder hset(Object key, Object field, Object value) {
            return command("HSET", key, field, value);
        }

        /** HINCRBY key field increment. */
        public RedisActionBuilder hincrBy(Object key, Object field, Object increment) {
            return command("HINCRBY", key, field, increment);
        }

        /** LPUSH key value. */
        public RedisActionBuilder lpush(Object key, Object value) {
            return command("LPUSH", key, value);
        }

        /** LRANGE key start stop: a cache lookup. */
        public RedisActionBuilder lrange(Object key, Object start, Object stop) {
            return lookup("LRANGE", key, start, stop);
        }

        /** SADD key member. */
        public RedisActionBuilder sadd(Object key, Object member) {
            return command("SADD", key, member);
        }

        /** SMEMBERS key: a cache lookup. */
        public RedisActionBuilder smembers(Object key) {
            return lookup("SMEMBERS", key);
        }

        /** ZINCRBY key increment member. */
        public RedisActionBuilder zincrBy(Object key, Object increment, Object member) {
            return command("ZINCRBY", key, increment, member);
        }

        /** ZREVRANGE key start stop: a cache lookup (top N). */
        public RedisActionBuilder zrevrange(Object key, Object start, Object stop) {
            return lookup("ZREVRANGE", key, start, stop);
        }

        /** EXPIRE key seconds. */
        public RedisActionBuilder expire(Object key, Object seconds) {
            return command("EXPIRE", key, seconds);
        }

        /** DEL key. */
        public RedisActionBuilder del(Object key) {
            return command("DEL", key);
        }

        /** Any command, e.g. {@code command("CLIENT", "PAUSE", 1000)}. */
        public RedisActionBuilder command(String name, Object... args) {
            return new RedisActionBuilder(requestName, name, list(args), false);
        }

        private RedisActionBuilder lookup(String name, Object... args) {
            return new RedisActionBuilder(requestName, name, list(args), true);
        }

        private static List<Object> list(Object... args) {
            return List.copyOf(new ArrayList<>(Arrays.asList(args)));
        }
    }
}
