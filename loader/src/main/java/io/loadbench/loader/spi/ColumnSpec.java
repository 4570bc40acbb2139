package io.loadbench.loader.spi;

import java.util.Objects;

/**
 * One column of a {@link TableSpec}, in the order a {@link RowGenerator} writes it.
 *
 * @param name     the column name as it appears in the DDL (lower case, unquoted identifier)
 * @param type     the value type the generator writes for this column
 * @param nullable whether the generator may write {@link RowWriter#writeNull()} here
 */
public record ColumnSpec(String name, PgType type, boolean nullable) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be a lower-case SQL identifier: " + name);
        }
    }

    /** A column the generator always fills. */
    public static ColumnSpec notNull(String name, PgType type) {
        return new ColumnSpec(name, type, false);
    }

    /** A column the generator may leave NULL. */
    public static ColumnSpec nullable(String name, PgType type) {
        return new ColumnSpec(name, type, true);
    }
}
