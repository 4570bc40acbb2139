package io.loadbench.loader.table;

import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowGenerator;
import io.loadbench.loader.spi.RowWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Assembles a {@link DatasetTable}: its columns, row count, after-load DDL, drop clause and generator. The
 * after-load statements run in the order they are added, so a table reads top to bottom as the loader
 * treats it: primary key, unique and foreign keys, indexes, {@code ANALYZE}.
 *
 * <pre>{@code
 * TableBuilder.table("gw_users").rows(users)
 *         .column("id", PgType.INT8).column("email", PgType.TEXT)
 *         .primaryKey("id").unique("email", "email").analyze()
 *         .randomRows(Seeds.derive(seed, "gw_users"), (row, random, out) -> { ... })
 *         .build();
 * }</pre>
 *
 * A builder is single-use and not thread-safe; the table it builds is immutable.
 */
public final class TableBuilder {

    /**
     * Writes one row from a random stream already positioned at the row: {@link #randomRows} gives every
     * worker its own {@link RowRandom} and resets it to {@code (streamSeed, row)} before each call, so the row
     * is a pure function of the seed and its index.
     */
    @FunctionalInterface
    public interface RandomRows {
        void generate(long row, RowRandom random, RowWriter out);
    }

    private final String name;
    private final List<ColumnSpec> columns = new ArrayList<>();
    private final List<String> afterLoad = new ArrayList<>();
    private long rowCount = -1;
    private String checksumOrderBy;
    private List<String> dropDdl;
    private Supplier<RowGenerator> generators;

    private TableBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    public TableBuilder rows(long count) {
        this.rowCount = count;
        return this;
    }

    /** A column the generator always fills. */
    public TableBuilder column(String column, PgType type) {
        columns.add(ColumnSpec.notNull(column, type));
        return this;
    }

    /** A column the generator may leave NULL. */
    public TableBuilder nullableColumn(String column, PgType type) {
        columns.add(ColumnSpec.nullable(column, type));
        return this;
    }

    public TableBuilder columns(List<ColumnSpec> specs) {
        columns.addAll(specs);
        return this;
    }

    /** The primary key; its columns also order the table's checksum (default: the first column). */
    public TableBuilder primaryKey(String keyColumns) {
        afterLoad.add(DatasetTable.primaryKey(name, keyColumns));
        checksumOrderBy = keyColumns;
        return this;
    }

    /** A unique constraint {@code <table>_<suffix>_key}. */
    public TableBuilder unique(String constraintSuffix, String keyColumns) {
        afterLoad.add(DatasetTable.unique(name, constraintSuffix, keyColumns));
        return this;
    }

    public TableBuilder foreignKey(String column, String parent, String parentColumn) {
        afterLoad.add(DatasetTable.foreignKey(name, column, parent, parentColumn));
        return this;
    }

    /** A foreign key whose parent's deletion deletes this table's rows (cleanup by owner). */
    public TableBuilder foreignKeyCascade(String column, String parent, String parentColumn) {
        afterLoad.add(DatasetTable.foreignKeyCascade(name, column, parent, parentColumn));
        return this;
    }

    /** {@code CREATE INDEX IF NOT EXISTS <table>_<suffix> ON <table> (<indexColumns>)}. */
    public TableBuilder index(String suffix, String indexColumns) {
        afterLoad.add("CREATE INDEX IF NOT EXISTS " + name + "_" + suffix + " ON " + name + " (" + indexColumns + ")");
        return this;
    }

    /** Any other idempotent after-load statement (a partial index, a materialised view, VACUUM). */
    public TableBuilder afterLoad(String statement) {
        afterLoad.add(statement);
        return this;
    }

    /** {@code ANALYZE <table>}, normally the last after-load statement. */
    public TableBuilder analyze() {
        afterLoad.add("ANALYZE " + name);
        return this;
    }

    /** Replaces the default {@code DROP TABLE IF EXISTS <table> CASCADE}. */
    public TableBuilder dropDdl(List<String> statements) {
        this.dropDdl = List.copyOf(statements);
        return this;
    }

    /** Rows from one random stream per worker, reset to {@code (streamSeed, row)} before each row. */
    public TableBuilder randomRows(long streamSeed, RandomRows rows) {
        return generator(() -> {
            RowRandom random = new RowRandom();
            return (row, out) -> {
                random.reset(streamSeed, row);
                rows.generate(row, random, out);
            };
        });
    }

    /** A generator of its own (one that keeps per-worker caches); a fresh one per call. */
    public TableBuilder generator(Supplier<RowGenerator> perWorker) {
        this.generators = perWorker;
        return this;
    }

    public DatasetTable build() {
        if (rowCount < 0 || columns.isEmpty() || generators == null) {
            throw new IllegalStateException("table " + name + " needs rows, columns and a generator");
        }
        String orderBy = checksumOrderBy != null ? checksumOrderBy : columns.get(0).name();
        return new DatasetTable(name, columns, rowCount, afterLoad, generators, orderBy,
                dropDdl != null ? dropDdl : DatasetTable.dropTable(name));
    }
}
