package io.loadbench.scenarios.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a statement returned: the rows of a query (column labels lower-cased, values as pgjdbc's
 * {@code getObject} gives them) or the update count of a DML statement.
 */
public final class SqlResult {

    private final List<String> columns;
    private final List<List<Object>> rows;
    private final long updateCount;

    private SqlResult(List<String> columns, List<List<Object>> rows, long updateCount) {
        this.columns = columns;
        this.rows = rows;
        this.updateCount = updateCount;
    }

    public static SqlResult ofRows(List<String> columns, List<List<Object>> rows) {
        List<String> labels = new ArrayList<>(columns.size());
        for (String column : columns) {
            labels.add(column.toLowerCase(Locale.ROOT));
        }
        return new SqlResult(Collections.unmodifiableList(labels), Collections.unmodifiableList(rows), -1);
    }

    public static SqlResult ofUpdateCount(long updateCount) {
        return new SqlResult(List.of(), List.of(), updateCount);
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The update count of a DML statement; -1 for a query. */
    public long updateCount() {
        return updateCount;
    }

    /** The index of a column label (case-insensitive), or -1. */
    public int columnIndex(String column) {
        return columns.indexOf(column.toLowerCase(Locale.ROOT));
    }

    /** Every row's value of a column, in row order. */
    public List<Object> columnValues(String column) {
        int index = requireColumn(column);
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }

    int requireColumn(String column) {
        int index = columnIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in the result (columns: " + columns + ")");
        }
        return index;
    }
}
