package io.loadbench.scenarios.protocol;

import io.gatling.javaapi.core.Session;
import io.loadbench.scenarios.gatling.SessionValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
 *
 * <p>Typed like Gatling's own Java DSL: each value is a {@code String} (Gatling Expression Language), a
 * {@code Function<Session, T>} of the session, or a constant (numbers: TTLs, increments, ranges), chosen by the
 * overload at compile time. A Redis command takes either all its values as EL strings and constants, or all as
 * functions of the session.
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
        return new Sql(SessionValue.text(requestName));
    }

    /** A SQL request named by a function of the session. */
    public static Sql sql(Function<Session, String> requestName) {
        return new Sql(SessionValue.text(requestName));
    }

    /** A Redis request named {@code requestName} (Gatling EL allowed). */
    public static Redis redis(String requestName) {
        return new Redis(SessionValue.text(requestName));
    }

    /** A Redis request named by a function of the session. */
    public static Redis redis(Function<Session, String> requestName) {
        return new Redis(SessionValue.text(requestName));
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
        private final SessionValue<String> requestName;

        Sql(SessionValue<String> requestName) {
            this.requestName = requestName;
        }

        /** A statement with {@code ?} placeholders: a query (rows) or DML (update count). */
        public SqlActionBuilder query(String sql) {
            return new SqlActionBuilder(requestName, sql);
        }
    }

    /**
     * The first step of a Redis request: its command. Keys and values are EL strings (or, in the other overload,
     * functions of the session); counts, TTLs, increments and ranges are constants (or functions).
     */
    public static final class Redis {
        private final SessionValue<String> requestName;

        Redis(SessionValue<String> requestName) {
            this.requestName = requestName;
        }

        /** GET key: a cache lookup. */
        public RedisActionBuilder get(String key) {
            return lookup("GET", key(key));
        }

        public RedisActionBuilder get(Function<Session, String> key) {
            return lookup("GET", key(key));
        }

        /** SET key value. */
        public RedisActionBuilder set(String key, String value) {
            return send("SET", key(key), el(value));
        }

        public RedisActionBuilder set(Function<Session, String> key, Function<Session, ?> value) {
            return send("SET", key(key), fn(value));
        }

        /** SETEX key seconds value: cache fill with a TTL. */
        public RedisActionBuilder setex(String key, long ttlSeconds, String value) {
            return send("SETEX", key(key), constant(ttlSeconds), el(value));
        }

        public RedisActionBuilder setex(Function<Session, String> key, Function<Session, ? extends Number> ttlSeconds,
                                        Function<Session, ?> value) {
            return send("SETEX", key(key), fn(ttlSeconds), fn(value));
        }

        /** INCR key. */
        public RedisActionBuilder incr(String key) {
            return send("INCR", key(key));
        }

        public RedisActionBuilder incr(Function<Session, String> key) {
            return send("INCR", key(key));
        }

        /** INCRBY key increment. */
        public RedisActionBuilder incrBy(String key, long increment) {
            return send("INCRBY", key(key), constant(increment));
        }

        public RedisActionBuilder incrBy(Function<Session, String> key, Function<Session, ? extends Number> increment) {
            return send("INCRBY", key(key), fn(increment));
        }

        /** HGET key field: a cache lookup. */
        public RedisActionBuilder hget(String key, String field) {
            return lookup("HGET", key(key), el(field));
        }

        public RedisActionBuilder hget(Function<Session, String> key, Function<Session, ?> field) {
            return lookup("HGET", key(key), fn(field));
        }

        /** HGETALL key: a cache lookup (an empty hash is a miss). */
        public RedisActionBuilder hgetall(String key) {
            return lookup("HGETALL", key(key));
        }

        public RedisActionBuilder hgetall(Function<Session, String> key) {
            return lookup("HGETALL", key(key));
        }

        /** HSET key field value. */
        public RedisActionBuilder hset(String key, String field, String value) {
            return send("HSET", key(key), el(field), el(value));
        }

        public RedisActionBuilder hset(Function<Session, String> key, Function<Session, ?> field, Function<Session, ?> value) {
            return send("HSET", key(key), fn(field), fn(value));
        }

        /** HINCRBY key field increment. */
        public RedisActionBuilder hincrBy(String key, String field, long increment) {
            return send("HINCRBY", key(key), el(field), constant(increment));
        }

        public RedisActionBuilder hincrBy(Function<Session, String> key, Function<Session, ?> field,
                                          Function<Session, ? extends Number> increment) {
            return send("HINCRBY", key(key), fn(field), fn(increment));
        }

        /** LPUSH key value. */
        public RedisActionBuilder lpush(String key, String value) {
            return send("LPUSH", key(key), el(value));
        }

        public RedisActionBuilder lpush(Function<Session, String> key, Function<Session, ?> value) {
            return send("LPUSH", key(key), fn(value));
        }

        /** LRANGE key start stop: a cache lookup. */
        public RedisActionBuilder lrange(String key, long start, long stop) {
            return lookup("LRANGE", key(key), constant(start), constant(stop));
        }

        public RedisActionBuilder lrange(Function<Session, String> key, Function<Session, ? extends Number> start,
                                         Function<Session, ? extends Number> stop) {
            return lookup("LRANGE", key(key), fn(start), fn(stop));
        }

        /** SADD key member. */
        public RedisActionBuilder sadd(String key, String member) {
            return send("SADD", key(key), el(member));
        }

        public RedisActionBuilder sadd(Function<Session, String> key, Function<Session, ?> member) {
            return send("SADD", key(key), fn(member));
        }

        /** SMEMBERS key: a cache lookup. */
        public RedisActionBuilder smembers(String key) {
            return lookup("SMEMBERS", key(key));
        }

        public RedisActionBuilder smembers(Function<Session, String> key) {
            return lookup("SMEMBERS", key(key));
        }

        /** ZINCRBY key increment member. */
        public RedisActionBuilder zincrBy(String key, double increment, String member) {
            return send("ZINCRBY", key(key), constant(increment), el(member));
        }

        public RedisActionBuilder zincrBy(Function<Session, String> key, Function<Session, ? extends Number> increment,
                                          Function<Session, ?> member) {
            return send("ZINCRBY", key(key), fn(increment), fn(member));
        }

        /** ZREVRANGE key start stop: a cache lookup (top N). */
        public RedisActionBuilder zrevrange(String key, long start, long stop) {
            return lookup("ZREVRANGE", key(key), constant(start), constant(stop));
        }

        public RedisActionBuilder zrevrange(Function<Session, String> key, Function<Session, ? extends Number> start,
                                            Function<Session, ? extends Number> stop) {
            return lookup("ZREVRANGE", key(key), fn(start), fn(stop));
        }

        /** EXPIRE key seconds. */
        public RedisActionBuilder expire(String key, long seconds) {
            return send("EXPIRE", key(key), constant(seconds));
        }

        public RedisActionBuilder expire(Function<Session, String> key, Function<Session, ? extends Number> seconds) {
            return send("EXPIRE", key(key), fn(seconds));
        }

        /** DEL key. */
        public RedisActionBuilder del(String key) {
            return send("DEL", key(key));
        }

        public RedisActionBuilder del(Function<Session, String> key) {
            return send("DEL", key(key));
        }

        /** Any command, each argument a Gatling EL string, e.g. {@code command("CLIENT", "PAUSE", "1000")}. */
        public RedisActionBuilder command(String name, String... args) {
            List<SessionValue<?>> values = new ArrayList<>(args.length);
            for (String arg : args) {
                values.add(el(arg));
            }
            return new RedisActionBuilder(requestName, name, values, false);
        }

        private RedisActionBuilder send(String name, SessionValue<?>... args) {
            return new RedisActionBuilder(requestName, name, List.of(args), false);
        }

        private RedisActionBuilder lookup(String name, SessionValue<?>... args) {
            return new RedisActionBuilder(requestName, name, List.of(args), true);
        }

        private static SessionValue<String> key(String el) {
            return SessionValue.text(el);
        }

        private static SessionValue<String> key(Function<Session, String> function) {
            return SessionValue.text(function);
        }

        private static SessionValue<Object> el(String el) {
            return SessionValue.el(el);
        }

        private static <T> SessionValue<T> fn(Function<Session, T> function) {
            return SessionValue.function(function);
        }

        private static <T> SessionValue<T> constant(T value) {
            return SessionValue.constant(value);
        }
    }
}
