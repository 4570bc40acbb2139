package io.loadbench.scenarios.protocol;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import io.loadbench.scenarios.gatling.Calls;
import io.loadbench.scenarios.gatling.DatastoreActionBuilder;
import io.loadbench.scenarios.gatling.SessionValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A SQL request: a statement with {@code ?} placeholders, its parameters and checks. A parameter is a Gatling EL
 * string ({@code param("#{location}")}), a function of the session ({@code param(session -> ...)}) or a constant
 * ({@code param(100)}), chosen by the overload; pgjdbc binds them with {@code setObject}, so a feeder's
 * {@code Integer} is sent as an integer. Immutable.
 */
public final class SqlActionBuilder implements ActionBuilder {

    /** Rows a query may return before the request fails: a benchmark query that returns more is a mistake. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    private final SessionValue<String> requestName;
    private final String sql;
    private final List<SessionValue<?>> params;
    private final List<DatastoreCheck<SqlResult>> checks;
    private final int maxRows;

    SqlActionBuilder(SessionValue<String> requestName, String sql) {
        this(requestName, sql, List.of(), List.of(), DEFAULT_MAX_ROWS);
    }

    private SqlActionBuilder(SessionValue<String> requestName, String sql, List<SessionValue<?>> params,
                             List<DatastoreCheck<SqlResult>> checks, int maxRows) {
        this.requestName = requestName;
        this.sql = sql;
        this.params = params;
        this.checks = checks;
        this.maxRows = maxRows;
    }

    /** The Gatling EL strings bound to the statement's placeholders, in order (replaces earlier parameters). */
    public SqlActionBuilder params(String... els) {
        List<SessionValue<?>> values = new ArrayList<>(els.length);
        for (String el : els) {
            values.add(SessionValue.el(el));
        }
        return new SqlActionBuilder(requestName, sql, List.copyOf(values), checks, maxRows);
    }

    /** Binds the next placeholder to a Gatling EL string. */
    public SqlActionBuilder param(String el) {
        return withParam(SessionValue.el(el));
    }

    /** Binds the next placeholder to a function of the session. */
    public SqlActionBuilder param(Function<Session, ?> value) {
        return withParam(SessionValue.function(value));
    }

    /** Binds the next placeholder to a constant (a number, a time); a {@code String} goes to {@link #param(String)}. */
    public SqlActionBuilder param(Object constant) {
        return withParam(SessionValue.constant(constant));
    }

    private SqlActionBuilder withParam(SessionValue<?> value) {
        List<SessionValue<?>> more = new ArrayList<>(params);
        more.add(value);
        return new SqlActionBuilder(requestName, sql, List.copyOf(more), checks, maxRows);
    }

    /** Adds checks; the first failing one makes the request KO with its message. */
    @SafeVarargs
    public final SqlActionBuilder check(DatastoreCheck<SqlResult>... more) {
        List<DatastoreCheck<SqlResult>> all = new ArrayList<>(checks);
        all.addAll(Arrays.asList(more));
        return new SqlActionBuilder(requestName, sql, params, List.copyOf(all), maxRows);
    }

    /** The most rows the query may return (default {@value #DEFAULT_MAX_ROWS}). */
    public SqlActionBuilder maxRows(int rows) {
        if (rows <= 0) {
            throw new IllegalArgumentException("maxRows must be positive, got " + rows);
        }
        return new SqlActionBuilder(requestName, sql, params, checks, rows);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return new DatastoreActionBuilder<>(requestName, Calls.sql(sql, params, maxRows, checks));
    }
}
