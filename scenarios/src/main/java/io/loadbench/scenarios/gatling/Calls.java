package io.loadbench.scenarios.gatling;

import io.gatling.core.session.Session;
import io.loadbench.scenarios.protocol.DatastoreCheck;
import io.loadbench.scenarios.protocol.RedisCommand;
import io.loadbench.scenarios.protocol.SqlResult;
import io.loadbench.scenarios.protocol.SqlStatement;
import io.loadbench.scenarios.protocol.Store;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.commands.ProtocolCommand;

/** Builds the {@link RequestCall}s of the Java DSL's SQL and Redis requests. */
public final class Calls {

    private Calls() {
    }

    /** A SQL statement whose parameters are compiled DSL values. */
    public static RequestCall<SqlResult> sql(String sql, List<SessionValue<?>> params, int maxRows,
                                             List<DatastoreCheck<SqlResult>> checks) {
        List<SessionValue<?>> frozen = List.copyOf(params);
        return new RequestCall<>(Store.POSTGRES, session -> {
            SqlStatement statement = new SqlStatement(sql, resolveAll(frozen, session), maxRows);
            return (engine, intendedStartNanos, done) -> engine.submitSql(intendedStartNanos, statement, done);
        }, checks, false);
    }

    /** A Redis command whose arguments are compiled DSL values. */
    public static RequestCall<Object> redis(String command, List<SessionValue<?>> args, boolean cacheLookup,
                                            List<DatastoreCheck<Object>> checks) {
        List<SessionValue<?>> frozen = List.copyOf(args);
        ProtocolCommand wireName = RedisCommand.protocolCommand(command);
        return new RequestCall<>(Store.REDIS, session -> {
            RedisCommand resolved = new RedisCommand(command, resolveAll(frozen, session), cacheLookup, wireName);
            return (engine, intendedStartNanos, done) -> engine.submitRedis(intendedStartNanos, resolved, done);
        }, checks, cacheLookup);
    }

    /** One array and its list view per request: the parameter count is fixed when the request is built. */
    private static List<Object> resolveAll(List<SessionValue<?>> values, Session session) {
        int count = values.size();
        if (count == 0) {
            return List.of();
        }
        Object[] resolved = new Object[count];
        for (int i = 0; i < count; i++) {
            resolved[i] = values.get(i).resolve(session);
        }
        return Arrays.asList(resolved);
    }
}
