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
 * import static io.loadbench.scenarios.protocol.RedisCommands.*;
 *
 * exec(redis("overview get").command(GET, "overview:#{orgId}").check(reply().saveAs("overview")))
 *   .exitHereIfFailed()
 *   .doIf(session -> !session.contains("overview")).then(
 *       exec(sql("overview query").query("SELECT count(*) AS n FROM events WHERE org_id = ?")
 *                .params("#{orgId}").check(rowCount().is(1), column("n").saveAs("overview")))
 *       .exec(redis("overview set").command(SETEX, "overview:#{orgId}", 300, "#{overview}")));
 * }</pre>
 *
 * <p>Typed like Gatling's own Java DSL: each value is a {@code String} (Gatling Expression Language), a
 * {@code Function<Session, T>} of the session, or a constant (numbers: TTLs, increments, ranges), chosen by the
 * overload at compile time. A Redis command ({@link RedisCommands}) takes either all its values as EL strings and
 * constants, or all as functions of the session.
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

    /**
     * SQL requests run one after another on one PostgreSQL connection held for all of them (a pgbench script's
     * transaction): {@code work} gives, for each virtual user's visit, what to run on the connection; each request it
     * runs is recorded under its own name. A visit that cannot start (no connection) fails as {@code firstRequestName}.
     */
    public static SqlSequenceActionBuilder sqlSequence(String firstRequestName, Function<Session, ConnectionWork> work) {
        return new SqlSequenceActionBuilder(firstRequestName, work);
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
     * The first step of a Redis request: its command, one of {@link RedisCommands} with its arguments, or any other
     * by name. Keys and values are EL strings and numbers constants, or (in the other overload) all are functions
     * of the session.
     */
    public static final class Redis {
        private final SessionValue<String> requestName;

        Redis(SessionValue<String> requestName) {
            this.requestName = requestName;
        }

        /** GET, HGETALL, SMEMBERS (lookups), INCR, DEL. */
        public RedisActionBuilder command(RedisCommands.KeyCommand command, String key) {
            return build(command.name(), command.cacheLookup(), key(key));
        }

        public RedisActionBuilder command(RedisCommands.KeyCommand command, Function<Session, String> key) {
            return build(command.name(), command.cacheLookup(), key(key));
        }

        /** SET, LPUSH, SADD; HGET (a lookup). */
        public RedisActionBuilder command(RedisCommands.KeyValueCommand command, String key, String value) {
            return build(command.name(), command.cacheLookup(), key(key), SessionValue.el(value));
        }

        public RedisActionBuilder command(RedisCommands.KeyValueCommand command, Function<Session, String> key,
                                          Function<Session, ?> value) {
            return build(command.name(), command.cacheLookup(), key(key), SessionValue.function(value));
        }

        /** INCRBY, EXPIRE. */
        public RedisActionBuilder command(RedisCommands.KeyNumberCommand command, String key, long number) {
            return build(command.name(), false, key(key), SessionValue.constant(number));
        }

        public RedisActionBuilder command(RedisCommands.KeyNumberCommand command, Function<Session, String> key,
                                          Function<Session, ? extends Number> number) {
            return build(command.name(), false, key(key), SessionValue.function(number));
        }

        /** LRANGE, ZREVRANGE: lookups. */
        public RedisActionBuilder command(RedisCommands.KeyRangeCommand command, String key, long start, long stop) {
            return build(command.name(), true, key(key), SessionValue.constant(start), SessionValue.constant(stop));
        }

        public RedisActionBuilder command(RedisCommands.KeyRangeCommand command, Function<Session, String> key,
                                          Function<Session, ? extends Number> start, Function<Session, ? extends Number> stop) {
            return build(command.name(), true, key(key), SessionValue.function(start), SessionValue.function(stop));
        }

        /** SETEX, ZINCRBY. */
        public RedisActionBuilder command(RedisCommands.KeyNumberValueCommand command, String key, long number, String value) {
            return build(command.name(), false, key(key), SessionValue.constant(number), SessionValue.el(value));
        }

        public RedisActionBuilder command(RedisCommands.KeyNumberValueCommand command, Function<Session, String> key,
                                          Function<Session, ? extends Number> number, Function<Session, ?> value) {
            return build(command.name(), false, key(key), SessionValue.function(number), SessionValue.function(value));
        }

        /** HSET. */
        public RedisActionBuilder command(RedisCommands.KeyFieldValueCommand command, String key, String field, String value) {
            return build(command.name(), false, key(key), SessionValue.el(field), SessionValue.el(value));
        }

        public RedisActionBuilder command(RedisCommands.KeyFieldValueCommand command, Function<Session, String> key,
                                          Function<Session, ?> field, Function<Session, ?> value) {
            return build(command.name(), false, key(key), SessionValue.function(field), SessionValue.function(value));
        }

        /** HINCRBY. */
        public RedisActionBuilder command(RedisCommands.KeyFieldNumberCommand command, String key, String field, long number) {
            return build(command.name(), false, key(key), SessionValue.el(field), SessionValue.constant(number));
        }

        public RedisActionBuilder command(RedisCommands.KeyFieldNumberCommand command, Function<Session, String> key,
                                          Function<Session, ?> field, Function<Session, ? extends Number> number) {
            return build(command.name(), false, key(key), SessionValue.function(field), SessionValue.function(number));
        }

        /** Any command, each argument a Gatling EL string, e.g. {@code command("CLIENT", "PAUSE", "1000")}. */
        public RedisActionBuilder command(String name, String... args) {
            List<SessionValue<?>> values = new ArrayList<>(args.length);
            for (String arg : args) {
                values.add(SessionValue.el(arg));
            }
            return new RedisActionBuilder(requestName, name, values, false);
        }

        /**
         * Any command, each argument a function of the session, resolved in order for every request (a command
         * template whose key and value each request draws); the argument count is fixed when the request is built.
         */
        public RedisActionBuilder command(String name, List<Function<Session, ?>> args) {
            List<SessionValue<?>> values = new ArrayList<>(args.size());
            for (Function<Session, ?> arg : args) {
                values.add(SessionValue.function(arg));
            }
            return new RedisActionBuilder(requestName, name, List.copyOf(values), false);
        }

        private RedisActionBuilder build(String name, boolean cacheLookup, SessionValue<?>... args) {
            return new RedisActionBuilder(requestName, name, List.of(args), cacheLookup);
        }

        private static SessionValue<String> key(String el) {
            return SessionValue.text(el);
        }

        private static SessionValue<String> key(Function<Session, String> function) {
            return SessionValue.text(function);
        }
    }
}
