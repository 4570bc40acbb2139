package io.loadbench.loader.table;

import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.TableSpec;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link TableSpec} assembled from values, shared by the analytics, weather, gateway and commerce
 * datasets: the create DDL is derived from the columns (each column's canonical type, {@code NOT NULL}
 * unless nullable), so the DDL and the generator cannot disagree. {@link TableBuilder} assembles one.
 *
 * @param name            table name
 * @param columns         columns in generation order
 * @param rowCount        rows
 * @param afterLoadDdl    primary key, foreign keys, indexes, ANALYZE: idempotent statements
 * @param generators      a fresh generator per call
 * @param checksumOrderBy columns ordering rows totally
 * @param dropDdl         statements dropping the table (and what hangs on it)
 */
public record DatasetTable(String name, List<ColumnSpec> columns, long rowCount, List<String> afterLoadDdl,
                           Supplier<RowGenerator> generators, String checksumOrderBy, List<String> dropDdl)
        implements TableSpec {

    public DatasetTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        afterLoadDdl = List.copyOf(afterLoadDdl);
        Objects.requireNonNull(generators, "generators");
        Objects.requireNonNull(checksumOrderBy, "checksumOrderBy");
        dropDdl = List.copyOf(dropDdl);
    }

    /** A table dropped by {@code DROP TABLE IF EXISTS name CASCADE}. */
    public DatasetTable(String name, List<ColumnSpec> columns, long rowCount, List<String> afterLoadDdl,
                        Supplier<RowGenerator> generators, String checksumOrderBy) {
        this(name, columns, rowCount, afterLoadDdl, generators, checksumOrderBy, dropTable(name));
    }

    /** {@code DROP TABLE IF EXISTS name CASCADE}, the {@link TableSpec#dropDdl()} default. */
    public static List<String> dropTable(String name) {
        return List.of("DROP TABLE IF EXISTS " + name + " CASCADE");
    }

    @Override
    public List<String> createDdl() {
        return List.of(createTableSql(name, columns));
    }

    @Override
    public RowGenerator newGenerator() {
        return generators.get();
    }

    /** {@code CREATE TABLE IF NOT EXISTS name (col type [NOT NULL], ...)}, without keys or indexes. */
    public static String createTableSql(String name, List<ColumnSpec> columns) {
        return "CREATE TABLE IF NOT EXISTS " + name + " ("
                + columns.stream().map(c -> c.name() + " " + c.type().sqlName() + (c.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(", "))
                + ")";
    }

    /** An idempotent primary key: {@code ALTER TABLE ... ADD CONSTRAINT} guarded by a {@code DO} block. */
    public static String primaryKey(String table, String columns) {
        return addConstraint(table, table + "_pkey", "PRIMARY KEY (" + columns + ")");
    }

    /** An idempotent foreign key. */
    public static String foreignKey(String table, String column, String parent, String parentColumn) {
        return addConstraint(table, table + "_" + column + "_fkey",
                "FOREIGN KEY (" + column + ") REFERENCES " + parent + " (" + parentColumn + ")");
    }

    /** An idempotent foreign key whose parent's deletion deletes the child rows (for cleanup by owner). */
    public static String foreignKeyCascade(String table, String column, String parent, String parentColumn) {
        return addConstraint(table, table + "_" + column + "_fkey",
                "FOREIGN KEY (" + column + ") REFERENCES " + parent + " (" + parentColumn + ") ON DELETE CASCADE");
    }

    /** An idempotent unique constraint. */
    public static String unique(String table, String constraintSuffix, String columns) {
        return addConstraint(table, table + "_" + constraintSuffix + "_key", "UNIQUE (" + columns + ")");
    }

    private static String addConstraint(String table, String constraint, String definition) {
        return "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '" + constraint + "'"
                + " AND conrelid = '" + table + "'::regclass) THEN ALTER TABLE " + table + " ADD CONSTRAINT "
                + constraint + " " + definition + "; END IF; END $$";
    }
}
