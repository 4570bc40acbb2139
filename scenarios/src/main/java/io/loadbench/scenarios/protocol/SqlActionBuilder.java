package io.loadbench.scenarios.protocol;

import io.gatling.javaapi.core.ActionBuilder;
import io.loadbench.scenarios.gatling.Calls;
import io.loadbench.scenarios.gatling.DatastoreActionBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A SQL request: a statement with {@code ?} placeholders, its parameters and checks. Parameters are Gatling EL
 * strings ({@code "#{location}"}), functions of the session, or constants; pgjdbc binds them with
 * {@code setObject}, so a feeder's {@code Integer} is sent as an integer. Immutable.
 */
public final class SqlActionBuilder implements ActionBuilder {

    /** Rows a query may return before the request fails: a benchmark query that returns more is a mistake. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    private final Object requestName;
    private final String sql;
    private final List<Object> params;
    private final List<DatastoreCheck<SqlResult>> checks;
    private final int maxRows;

    SqlActionBuilder(Object requestName, String sql) {
        this(requestName, sql, List.of(), List.of(), DEFAULT_MAX_ROWS);
    }

    private SqlActionBuilder(Object requestName, String sql, List<Object> params,
                             List<DatastoreCheck<SqlResult>> checks, int maxRows) {
        this.requestName = requestName;
        this.sql = sql;
        this.params = params;
        this.checks = checks;
        this.maxRows = maxRows;
    }

    /** The values bound to the statement's placeholders, in order (replaces earlier ones). */
    public SqlActionBuilder params(Object... values) {
        return new SqlActionBuilder(requestName, sql, List.copyOf(Arrays.asList(values)), checks, maxRows);
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
