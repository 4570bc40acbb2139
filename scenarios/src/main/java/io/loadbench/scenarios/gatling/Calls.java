package io.loadbench.scenarios.gatling;

import io.gatling.core.session.Session;
import io.loadbench.scenarios.protocol.DatastoreCheck;
import io.loadbench.scenarios.protocol.RedisCommand;
import io.loadbench.scenarios.protocol.SqlResult;
import io.loadbench.scenarios.protocol.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link RequestCall}s of the Java DSL's SQL and Redis requests. */
public final class Calls {

    private Calls() {
    }

    /** A SQL statement whose parameters are DSL values (EL strings, session functions, constants). */
    public static RequestCall<SqlResult> sql(String sql, List<Object> paramSpecs, int maxRows,
                                             List<DatastoreCheck<SqlResult>> checks) {
        List<SessionValue<Object>> params = compile(paramSpecs);
        List<DatastoreCheck<SqlResult>> frozenChecks = List.copyOf(checks);
        return new RequestCall<>() {
            @Override
            public Submission<SqlResult> resolve(Session session) {
                SqlStatement statement = new SqlStatement(sql, resolveAll(params, session), maxRows);
                return (engine, intendedStartNanos, done) -> engine.submitSql(intendedStartNanos, statement, done);
            }

            @Override
            public List<DatastoreCheck<SqlResult>> checks() {
                return frozenChecks;
            }

            @Override
            public boolean cacheLookup() {
                return false;
            }
        };
    }

    /** A Redis command whose arguments are DSL values. */
    public static RequestCall<Object> redis(String command, List<Object> argSpecs, boolean cacheLookup,
                                            List<DatastoreCheck<Object>> checks) {
        List<SessionValue<Object>> args = compile(argSpecs);
        List<DatastoreCheck<Object>> frozenChecks = List.copyOf(checks);
        return new RequestCall<>() {
            @Override
            public Submission<Object> resolve(Session session) {
                RedisCommand resolved = new RedisCommand(command, resolveAll(args, session), cacheLookup);
                return (engine, intendedStartNanos, done) -> engine.submitRedis(intendedStartNanos, resolved, done);
            }

            @Override
            public List<DatastoreCheck<Object>> checks() {
                return frozenChecks;
            }

            @Override
            public boolean cacheLookup() {
                return cacheLookup;
            }
        };
    }

    private static List<SessionValue<Object>> compile(List<Object> specs) {
        List<SessionValue<Object>> compiled = new ArrayList<>(specs.size());
        for (Object spec : specs) {
            compiled.add(SessionValue.of(spec));
        }
        return List.copyOf(compiled);
    }

    private static List<Object> resolveAll(List<SessionValue<Object>> values, Session session) {
        List<Object> resolved = new ArrayList<>(values.size());
        for (SessionValue<Object> value : values) {
            resolved.add(value.resolve(session));
        }
        return resolved;
    }
}
